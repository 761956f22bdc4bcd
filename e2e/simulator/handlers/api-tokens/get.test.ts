import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

describe('GET /api/v1/me/tokens/{id}', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  const idOf = (plaintext: string) => sim.state.tokenByPlaintext(plaintext)?.id ?? -1;

  it('answers one of the own tokens, by cookie or legacy token', async () => {
    const cookie = await sim.signIn('alice');
    const id = idOf(token('AliceYank'));
    const byCookie = await sim.call('GET', `/api/v1/me/tokens/${id}`, { cookie });
    const byToken = await sim.call('GET', `/api/v1/me/tokens/${id}`, {
      token: token('AliceLegacy'),
    });
    expect(byCookie.json).toMatchObject({
      api_token: { id, name: 'yank only', endpoint_scopes: ['yank'] },
    });
    expect(byToken.json).toEqual(byCookie.json);
  });

  it("answers 404 for someone else's id", async () => {
    const cookie = await sim.signIn('alice');
    const result = await sim.call('GET', `/api/v1/me/tokens/${idOf(token('BobLegacy'))}`, {
      cookie,
    });
    expect(result.status).toBe(404);
  });

  it('refuses a scoped token whatever its scopes', async () => {
    const result = await sim.call('GET', `/api/v1/me/tokens/${idOf(token('AliceYank'))}`, {
      token: token('AliceYank'),
    });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.missingPermissions);
  });

  it('refuses a legacy token that has crate patterns, as crates.io does', async () => {
    const result = await sim.call('GET', `/api/v1/me/tokens/${idOf(token('AliceLegacy'))}`, {
      token: token('AliceLegacyScoped'),
    });
    expect(result.status).toBe(403);
    expect(sim.state.requestLog.entries.at(-1)?.cause).toBe('Crate scope mismatch');
  });

  it('refuses an id that is not a number', async () => {
    const cookie = await sim.signIn('alice');
    const result = await sim.call('GET', '/api/v1/me/tokens/abc', { cookie });
    expect(result.status).toBe(400);
  });
});
