import { getCookie } from 'hono/cookie';
import { hashToken, TOKEN_PREFIX } from '../models/token';
import type { AuthAttempt, CredentialKind } from '../state/request-log';
import type { UserRecord } from '../models/user';
import { AUTH_MESSAGES } from './auth-messages';
import type { SimContext } from './env';
import { ApiError, badRequest, forbidden } from './errors';
import { currentSession, SESSION_COOKIE } from './session-cookie';

/** What a request presented, before the token (if any) is looked up. */
export type Credentials =
  | { readonly kind: 'cookie'; readonly user: UserRecord }
  | { readonly kind: 'token'; readonly hash: string };

/** What the request carries before anything is checked; the cookie would win. */
export function presentedCredential(c: SimContext): CredentialKind {
  if (getCookie(c, SESSION_COOKIE) !== undefined) return 'cookie';
  return c.req.header('Authorization') === undefined ? 'none' : 'token';
}

/** The request-log record of this request's authentication, started on first use. */
function attempt(c: SimContext): AuthAttempt {
  let current = c.get('auth');
  if (!current) {
    current = { credential: presentedCredential(c), tokenId: null, userId: null };
    c.set('auth', current);
  }
  return current;
}

/**
 * NOTES.md: an authenticated endpoint refuses any Origin other than the
 * registry's own, for cookie and token alike; no Origin is fine.
 */
function verifyOrigin(c: SimContext): void {
  const origin = c.req.header('Origin');
  if (origin !== undefined && origin !== c.var.sim.origin) {
    throw forbidden(
      AUTH_MESSAGES.invalidOrigin,
      `only same-origin requests can be authenticated. got ${JSON.stringify(origin)}`,
    );
  }
}

function sessionUser(c: SimContext): UserRecord | undefined {
  const session = currentSession(c);
  if (session?.userId == null) return undefined;
  return c.var.sim.db.userById(session.userId);
}

function fromCookie(c: SimContext, user: UserRecord): Credentials {
  Object.assign(attempt(c), { credential: 'cookie', userId: user.id });
  return { kind: 'cookie', user };
}

/**
 * Reads `Authorization`: the raw token or `Bearer <token>`; a value without the
 * `cio` prefix is refused before any lookup (NOTES.md).
 */
function fromHeader(c: SimContext, header: string): Credentials {
  attempt(c).credential = 'token';
  const space = header.indexOf(' ');
  const scheme = space === -1 ? '' : header.slice(0, space);
  const token = (space === -1 ? header : header.slice(space + 1)).trim();
  if (scheme !== '' && scheme.toLowerCase() !== 'bearer') {
    throw new ApiError(401, AUTH_MESSAGES.invalidScheme);
  }
  if (!token.startsWith(TOKEN_PREFIX)) {
    throw new ApiError(401, AUTH_MESSAGES.tokenFormat, 'insecurely generated, revoked 2020-07');
  }
  return { kind: 'token', hash: hashToken(token) };
}

/** Cookie-only endpoints (`/me`, listing tokens): a token is told to use the website. */
export function cookieCredentials(c: SimContext): Credentials {
  attempt(c);
  verifyOrigin(c);
  const user = sessionUser(c);
  if (user) return fromCookie(c, user);
  const hasToken = c.req.header('Authorization') !== undefined;
  if (hasToken) attempt(c).credential = 'token';
  throw forbidden(hasToken ? AUTH_MESSAGES.websiteOnly : AUTH_MESSAGES.required);
}

/** Cookie or token; the cookie wins when both are present (NOTES.md). */
export function userCredentials(c: SimContext): Credentials {
  attempt(c);
  verifyOrigin(c);
  const user = sessionUser(c);
  if (user) return fromCookie(c, user);
  const header = c.req.header('Authorization');
  if (header === undefined) throw forbidden(AUTH_MESSAGES.required);
  return fromHeader(c, header);
}

/** Token-only endpoints (`DELETE /api/v1/tokens/current`): a cookie does not count. */
export function apiTokenCredentials(c: SimContext): Credentials {
  attempt(c);
  verifyOrigin(c);
  const header = c.req.header('Authorization');
  if (header === undefined) {
    const user = sessionUser(c);
    if (user) fromCookie(c, user);
    throw badRequest(AUTH_MESSAGES.tokenNotProvided);
  }
  return fromHeader(c, header);
}
