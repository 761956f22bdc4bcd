import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

describe('DELETE /api/v1/me/tokens/{id}', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  const record = (plaintext: string) => sim.state.tokenByPlaintext(plaintext);

  it('revokes an own token with the cookie and answers {}', async () => {
    const cookie = await sim.signIn('alice');
    const target = record(token('AliceYank'));
    const result = await sim.call('DELETE', `/api/v1/me/tokens/${target?.id ?? -1}`, { cookie });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({});
    expect(target?.revoked).toBe(true);
    const use = await sim.call('GET', '/api/v1/me/tokens/1', { token: token('AliceYank') });
    expect(detailOf(use)).toBe(AUTH_MESSAGES.failed);
  });

  it('revokes with a legacy token', async () => {
    const target = record(token('AliceYank'));
    await sim.call('DELETE', `/api/v1/me/tokens/${target?.id ?? -1}`, {
      token: token('AliceLegacy'),
    });
    expect(target?.revoked).toBe(true);
  });

  it("answers 200 {} for an unknown or someone else's id, changing nothing", async () => {
    const cookie = await sim.signIn('alice');
    const bobs = record(token('BobLegacy'));
    const foreign = await sim.call('DELETE', `/api/v1/me/tokens/${bobs?.id ?? -1}`, { cookie });
    const unknown = await sim.call('DELETE', '/api/v1/me/tokens/99999', { cookie });
    expect([foreign.status, unknown.status]).toEqual([200, 200]);
    expect([foreign.json, unknown.json]).toEqual([{}, {}]);
    expect(bobs?.revoked).toBe(false);
  });

  it('refuses a scoped token, even on itself', async () => {
    const own = record(token('AliceYank'));
    const result = await sim.call('DELETE', `/api/v1/me/tokens/${own?.id ?? -1}`, {
      token: token('AliceYank'),
    });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.missingPermissions);
    expect(own?.revoked).toBe(false);
  });
});
