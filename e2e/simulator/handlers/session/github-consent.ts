import { randomBytes } from 'node:crypto';
import type { Route } from '../../http/env';
import { GITHUB_CALLBACK_PATH, GITHUB_CLIENT_ID } from './github';

/**
 * `GET /github/login/oauth/authorize`: the simulated GitHub consent page. It
 * approves at once for the account named by `login` (default: the seed's
 * first user) and redirects back with a one-time code, as GitHub does.
 */
export const githubConsent: Route = {
  method: 'GET',
  path: '/github/login/oauth/authorize',
  handle: (c) => {
    const sim = c.var.sim;
    if (c.req.query('client_id') !== GITHUB_CLIENT_ID) {
      return c.text('The client_id is not one this (simulated) GitHub knows.', 404);
    }
    const login = c.req.query('login') ?? sim.defaultUser.login;
    const code = randomBytes(10).toString('hex');
    sim.db.oauthGrants.set(code, { code, login, used: false });
    const callback = new URL(GITHUB_CALLBACK_PATH, sim.origin);
    callback.searchParams.set('code', code);
    const state = c.req.query('state');
    if (state !== undefined) callback.searchParams.set('state', state);
    return c.redirect(callback.toString(), 302);
  },
};
