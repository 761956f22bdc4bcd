import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSim } from '../../test-support/test-sim';
import { GITHUB_CLIENT_ID } from './github';

describe('GET /github/login/oauth/authorize (simulated GitHub)', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: 'demo' });
  });
  afterEach(() => sim.close());

  const consent = (query: string) =>
    sim.call('GET', `/github/login/oauth/authorize?client_id=${GITHUB_CLIENT_ID}&${query}`);

  it('approves at once and redirects to /github-login with a code and the state', async () => {
    const result = await consent('state=abc');
    expect(result.status).toBe(302);
    const location = new URL(result.headers.get('Location') ?? '');
    expect(location.pathname).toBe('/github-login');
    expect(location.searchParams.get('state')).toBe('abc');
    const code = location.searchParams.get('code') ?? '';
    expect(sim.state.db.oauthGrants.get(code)?.login).toBe('ferris');
  });

  it('signs in the account named by login', async () => {
    const result = await consent('state=abc&login=corro');
    const code = new URL(result.headers.get('Location') ?? '').searchParams.get('code') ?? '';
    expect(sim.state.db.oauthGrants.get(code)?.login).toBe('corro');
  });

  it('refuses an unknown client_id', async () => {
    const result = await sim.call('GET', '/github/login/oauth/authorize?client_id=other&state=x');
    expect(result.status).toBe(404);
  });
});
