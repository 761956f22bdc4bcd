import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detailOf, TestSim } from '../../test-support/test-sim';

function cookieValue(setCookies: string[]): string | undefined {
  const cookie = setCookies.find((value) => value.startsWith('cargo_session='));
  return cookie?.split(';')[0]?.slice('cargo_session='.length);
}

describe('POST /api/private/session/authorize', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: 'demo' });
  });
  afterEach(() => sim.close());

  async function begin(login = 'ferris') {
    const started = await sim.call('POST', '/api/private/session/begin');
    const cookie = cookieValue(started.headers.getSetCookie()) ?? '';
    const { url } = started.json as { url: string };
    const consentUrl = new URL(url);
    consentUrl.searchParams.set('login', login);
    const consent = await sim.call('GET', `${consentUrl.pathname}${consentUrl.search}`);
    const back = new URL(consent.headers.get('Location') ?? '');
    return {
      cookie,
      code: back.searchParams.get('code') ?? '',
      state: back.searchParams.get('state') ?? '',
    };
  }

  it('signs in with a new HttpOnly, SameSite=Strict, Path=/ cookie and answers the /me fields', async () => {
    const { cookie, code, state } = await begin();
    const result = await sim.call('POST', '/api/private/session/authorize', {
      cookie,
      json: { code, state },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status: 'signed_in', user: { login: 'ferris' } });
    expect((result.json as { owned_crates: unknown[] }).owned_crates.length).toBeGreaterThan(20);
    const [setCookie = ''] = result.headers.getSetCookie();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const signedIn = cookieValue(result.headers.getSetCookie()) ?? '';
    expect(signedIn).not.toBe(cookie);
    expect((await sim.call('GET', '/api/v1/me', { cookie: signedIn })).status).toBe(200);
    // The pre-sign-in cookie is worth nothing afterwards.
    expect((await sim.call('GET', '/api/v1/me', { cookie })).status).toBe(403);
  });

  it('refuses a state that does not match the cookie with 400 invalid state parameter', async () => {
    const { cookie, code } = await begin();
    const result = await sim.call('POST', '/api/private/session/authorize', {
      cookie,
      json: { code, state: 'forged' },
    });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toBe('invalid state parameter');
  });

  it('refuses a request without the session cookie', async () => {
    const { code, state } = await begin();
    const result = await sim.call('POST', '/api/private/session/authorize', {
      json: { code, state },
    });
    expect(detailOf(result)).toBe('invalid state parameter');
  });

  it('answers signup_required for a GitHub account without a crates.io account', async () => {
    const { cookie, code, state } = await begin('stranger');
    const result = await sim.call('POST', '/api/private/session/authorize', {
      cookie,
      json: { code, state },
    });
    expect(result.json).toEqual({ status: 'signup_required' });
  });

  it('redeems a GitHub code only once', async () => {
    const first = await begin();
    await sim.call('POST', '/api/private/session/authorize', {
      cookie: first.cookie,
      json: { code: first.code, state: first.state },
    });
    const second = await begin();
    const replay = await sim.call('POST', '/api/private/session/authorize', {
      cookie: second.cookie,
      json: { code: first.code, state: second.state },
    });
    expect(replay.status).toBe(500);
  });

  it('refuses a body without code and state', async () => {
    const { cookie } = await begin();
    const result = await sim.call('POST', '/api/private/session/authorize', { cookie, json: {} });
    expect(result.status).toBe(422);
  });
});
