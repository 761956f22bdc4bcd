import { randomBytes } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionRecord } from '../models/session';
import { SESSION_LIFETIME_MS } from '../models/time';
import type { SimContext } from './env';

export const SESSION_COOKIE = 'cargo_session';

/** The live session behind the request's cookie, if any (expired ones are dropped). */
export function currentSession(c: SimContext): SessionRecord | undefined {
  const id = getCookie(c, SESSION_COOKIE);
  if (id === undefined) return undefined;
  const sim = c.var.sim;
  const session = sim.db.sessions.get(id);
  if (!session) return undefined;
  if (sim.clock.now().getTime() - session.createdAt.getTime() >= SESSION_LIFETIME_MS) {
    sim.db.sessions.delete(id);
    return undefined;
  }
  return session;
}

/** Starts a session and hands its id to the browser. */
export function startSession(
  c: SimContext,
  fields: Pick<SessionRecord, 'userId' | 'oauthState'>,
): SessionRecord {
  const sim = c.var.sim;
  const session: SessionRecord = {
    id: randomBytes(32).toString('base64url'),
    ...fields,
    createdAt: sim.clock.now(),
  };
  sim.db.sessions.set(session.id, session);
  // crates.io's cookie is also `Secure`; browsers refuse Secure cookies set
  // over plain http, so the loopback simulator has to leave that flag out.
  setCookie(c, SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
  return session;
}

/** Forgets the request's session on the server; its cookie is worthless from now on. */
export function dropSession(c: SimContext): void {
  const id = getCookie(c, SESSION_COOKIE);
  if (id !== undefined) c.var.sim.db.sessions.delete(id);
}

/** Forgets the request's session on the server and in the browser. */
export function endSession(c: SimContext): void {
  dropSession(c);
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict' });
}
