import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

describe('DELETE /api/v1/tokens/current', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  it('lets a legacy token revoke itself (204)', async () => {
    const result = await sim.call('DELETE', '/api/v1/tokens/current', {
      token: token('AliceLegacy'),
    });
    expect(result.status).toBe(204);
    expect(result.text).toBe('');
    expect(sim.state.tokenByPlaintext(token('AliceLegacy'))?.revoked).toBe(true);
  });

  it('answers 400 token not provided to a cookie', async () => {
    const cookie = await sim.signIn('alice');
    const result = await sim.call('DELETE', '/api/v1/tokens/current', { cookie });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.tokenNotProvided);
  });

  it('refuses a scoped token: it cannot even revoke itself', async () => {
    const result = await sim.call('DELETE', '/api/v1/tokens/current', {
      token: token('AliceYank'),
    });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.missingPermissions);
    expect(sim.state.tokenByPlaintext(token('AliceYank'))?.revoked).toBe(false);
  });
});
