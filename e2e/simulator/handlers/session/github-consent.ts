import { randomBytes } from 'node:crypto';
import type { Route } from '../../http/env';
import { CONSENT_LOGIN_FIELD, consentPage } from './consent-page';
import { GITHUB_CALLBACK_PATH, GITHUB_CLIENT_ID } from './github';

/**
 * `GET /github/login/oauth/authorize`: the simulated GitHub consent page.
 * Without `login` it shows the seed's users to choose from (the first
 * preselected); with `login` (what the page submits, and what automated
 * sign-ins send) it approves at once for that account and redirects back with
 * a one-time code, as GitHub does.
 */
export const githubConsent: Route = {
  method: 'GET',
  path: '/github/login/oauth/authorize',
  handle: (c) => {
    const sim = c.var.sim;
    const clientId = c.req.query('client_id');
    if (clientId !== GITHUB_CLIENT_ID) {
      return c.text('The client_id is not one this (simulated) GitHub knows.', 404);
    }
    const state = c.req.query('state');
    const login = c.req.query(CONSENT_LOGIN_FIELD);
    if (login === undefined || login === '') {
      return c.html(consentPage(sim.users, { clientId, state, scope: c.req.query('scope') }));
    }
    const code = randomBytes(10).toString('hex');
    sim.db.oauthGrants.set(code, { code, login, used: false });
    const callback = new URL(GITHUB_CALLBACK_PATH, sim.origin);
    callback.searchParams.set('code', code);
    if (state !== undefined) callback.searchParams.set('state', state);
    return c.redirect(callback.toString(), 302);
  },
};
