import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preselectedLogin, signInOverHttp } from './sign-in-client';
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
    await expect(signInOverHttp(sim.sim.url, 'stranger')).rejects.toThrow(
      'stranger has no crates.io account',
    );
  });

  it('by default presses Authorize on the consent page, as a person would', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      seen.push(`${url.pathname} login=${url.searchParams.get('login') ?? '-'}`);
      return fetch(input, init);
    };
    expect(await login(await signInOverHttp(sim.sim.url, undefined, spy))).toBe('ferris');
    expect(seen.slice(1, 3)).toEqual([
      '/github/login/oauth/authorize login=-',
      '/github/login/oauth/authorize login=ferris',
    ]);
  });
});

describe('preselectedLogin', () => {
  it('reads the checked radio button of the login group, entities decoded', () => {
    const html =
      '<input type="hidden" name="state" value="s" checked>' +
      '<input type="radio" name="login" value="first">' +
      '<input type="radio" id="u" name="login" value="a&amp;b" checked>';
    expect(preselectedLogin(html)).toBe('a&b');
  });

  it('is undefined when nothing is preselected', () => {
    expect(preselectedLogin('<input type="radio" name="login" value="x">')).toBeUndefined();
  });
});
