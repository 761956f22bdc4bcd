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

  it('asks which seeded user approves: a labelled radio group, the first preselected', async () => {
    const result = await consent('state=abc&scope=read%3Aorg');
    expect(result.status).toBe(200);
    expect(result.headers.get('Content-Type')).toContain('text/html');
    const page = result.text;
    expect(page).toContain('<legend>Sign in as</legend>');
    expect(page).toMatch(/id="user-0" name="login" value="ferris" checked>/);
    expect(page).toMatch(/<label for="user-0">ferris <span class="name">\(Ferris Crab\)/);
    expect(page).toMatch(/id="user-1" name="login" value="corro">/);
    expect(page).toMatch(/<label for="user-1">corro/);
    // Submitting hands the OAuth parameters back with the choice.
    expect(page).toContain('<input type="hidden" name="state" value="abc">');
    expect(page).toContain('<input type="hidden" name="scope" value="read:org">');
    expect(page).toContain(`<input type="hidden" name="client_id" value="${GITHUB_CLIENT_ID}">`);
    expect(sim.state.db.oauthGrants.size).toBe(0);
  });

  it('approves once a user is chosen and redirects to /github-login with a code and the state', async () => {
    const result = await consent('state=abc&login=ferris');
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
