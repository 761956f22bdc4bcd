import { z } from 'zod';
import type { Route } from '../../http/env';
import { ApiError, badRequest } from '../../http/errors';
import { readJsonBody } from '../../http/json-body';
import { currentSession, dropSession, startSession } from '../../http/session-cookie';
import { serializeMe } from '../me/me-body';

const bodySchema = z.object({ code: z.string(), state: z.string() });

/**
 * `POST /api/private/session/authorize`: checks `state` against the session,
 * redeems GitHub's code and signs the user in with a new session cookie.
 */
export const authorizeSession: Route = {
  method: 'POST',
  path: '/api/private/session/authorize',
  handle: async (c) => {
    const sim = c.var.sim;
    const { code, state } = await readJsonBody(c, bodySchema);
    const session = currentSession(c);
    const expected = session?.oauthState ?? null;
    if (session) session.oauthState = null;
    if (expected === null || expected !== state) throw badRequest('invalid state parameter');
    const grant = sim.db.oauthGrants.get(code);
    // GitHub refuses an unknown or reused code; crates.io reports it as a server error.
    if (!grant || grant.used) throw new ApiError(500, 'Error obtaining token');
    grant.used = true;
    const user = sim.db.userByLogin(grant.login);
    if (!user) return c.json({ status: 'signup_required' });
    // A new session id on sign-in, so a cookie planted before it is worth nothing.
    dropSession(c);
    startSession(c, { userId: user.id, oauthState: null });
    return c.json({ status: 'signed_in', ...serializeMe(sim.db, user) });
  },
};
