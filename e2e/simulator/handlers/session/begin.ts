import { randomBytes } from 'node:crypto';
import type { Route } from '../../http/env';
import { currentSession, startSession } from '../../http/session-cookie';
import { GITHUB_AUTHORIZE_PATH, GITHUB_CLIENT_ID, GITHUB_SCOPE } from './github';

/**
 * `POST /api/private/session/begin`: a fresh OAuth `state`, kept in the
 * session cookie, and the GitHub URL to send the browser to.
 */
export const beginSession: Route = {
  method: 'POST',
  path: '/api/private/session/begin',
  handle: (c) => {
    const state = randomBytes(16).toString('base64url');
    const session = currentSession(c);
    if (session) session.oauthState = state;
    else startSession(c, { userId: null, oauthState: state });
    const url = new URL(GITHUB_AUTHORIZE_PATH, c.var.sim.origin);
    url.searchParams.set('client_id', GITHUB_CLIENT_ID);
    url.searchParams.set('state', state);
    url.searchParams.set('scope', GITHUB_SCOPE);
    return c.json({ url: url.toString(), state });
  },
};
