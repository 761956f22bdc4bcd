import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInOverHttp } from './sign-in-client';
import { TestSim } from './test-support/test-sim';

describe('signInOverHttp', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: 'demo' });
  });
  afterEach(() => sim.close());

  async function login(cookie: string): Promise<string> {
    const me = await sim.call('GET', '/api/v1/me', { cookie });
    return (me.json as { user: { login: string } }).user.login;
  }

  it('signs in the first seeded user by default', async () => {
    expect(await login(await signInOverHttp(sim.sim.url))).toBe('ferris');
  });

  it('signs in the user it is asked for, through the given fetch', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(new URL(input instanceof Request ? input.url : input).pathname);
      return fetch(input, init);
    };
    expect(await login(await signInOverHttp(sim.sim.url, 'corro', spy))).toBe('corro');
    expect(seen).toEqual([
      '/api/private/session/begin',
      '/github/login/oauth/authorize',
      '/github-login',
      '/api/private/session/authorize',
    ]);
  });

  it('fails clearly for an account crates.io does not know', async () => {
    await expect(signInOverHttp(sim.sim.url, 'stranger')).rejects.toThrow(/no crates.io account/);
  });
});
