import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { MINIMAL_LEGACY_TOKEN } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

describe('GET /api/v1/me', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start();
  });
  afterEach(() => sim.close());

  it('answers the user and owned_crates [{id, name, email_notifications}] for the cookie', async () => {
    const cookie = await sim.signIn();
    const result = await sim.call('GET', '/api/v1/me', { cookie });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      user: { id: 1, login: 'alice', name: 'Alice Example', email_verified: true, is_admin: false },
      owned_crates: [{ id: 1, name: 'alpha-core', email_notifications: true }],
    });
  });

  it('is for the website only: a token is told so', async () => {
    const result = await sim.call('GET', '/api/v1/me', { token: MINIMAL_LEGACY_TOKEN });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.websiteOnly);
  });

  it('requires authentication', async () => {
    const result = await sim.call('GET', '/api/v1/me');
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.required);
  });
});
