import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from './auth-messages';
import { scopesSeed, token } from '../test-support/seeds';
import { detailOf, TestSim } from '../test-support/test-sim';

const ALICE = token('AliceLegacy');
const BOB = token('BobLegacy');

describe('authentication rules (NOTES.md, "Authentication")', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  const aliceTokenId = () => sim.state.tokenByPlaintext(ALICE)?.id ?? -1;

  it('accepts a raw token and a Bearer token', async () => {
    const raw = await sim.call('GET', `/api/v1/me/tokens/${aliceTokenId()}`, { token: ALICE });
    const bearer = await sim.call('GET', `/api/v1/me/tokens/${aliceTokenId()}`, {
      token: `Bearer ${ALICE}`,
    });
    expect([raw.status, bearer.status]).toEqual([200, 200]);
  });

  it('lets the cookie win when both cookie and token are present', async () => {
    const cookie = await sim.signIn('alice');
    const bobTokenId = sim.state.tokenByPlaintext(BOB)?.id ?? -1;
    // As bob's token this would find bob's token; as alice's cookie it is someone else's id.
    const both = await sim.call('GET', `/api/v1/me/tokens/${bobTokenId}`, { cookie, token: BOB });
    expect(both.status).toBe(404);
    expect(sim.state.requestLog.entries.at(-1)).toMatchObject({ credential: 'cookie' });
  });

  it('refuses a foreign Origin for cookie and token alike, and accepts its own', async () => {
    const cookie = await sim.signIn('alice');
    const evil = 'https://evil.example';
    const byCookie = await sim.call('GET', '/api/v1/me', { cookie, origin: evil });
    const byToken = await sim.call('DELETE', '/api/v1/me/tokens/999', {
      token: ALICE,
      origin: evil,
    });
    expect([byCookie.status, byToken.status]).toEqual([403, 403]);
    expect(detailOf(byCookie)).toBe(AUTH_MESSAGES.invalidOrigin);
    expect(detailOf(byToken)).toBe(AUTH_MESSAGES.invalidOrigin);
    const own = await sim.call('GET', '/api/v1/me', { cookie, origin: sim.sim.url });
    expect(own.status).toBe(200);
  });

  it('lets public endpoints ignore Origin', async () => {
    const origin = 'https://evil.example';
    const owners = await sim.call('GET', '/api/v1/crates/alpha-core/owners', { origin });
    const crates = await sim.call('GET', '/api/v1/crates?user_id=1', { origin });
    expect([owners.status, crates.status]).toEqual([200, 200]);
  });

  it('refuses a value without the cio prefix before any lookup', async () => {
    const result = await sim.call('GET', '/api/v1/me/tokens/1', { token: 'abcdef0123456789' });
    expect(result.status).toBe(401);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.tokenFormat);
    expect(sim.state.requestLog.entries.at(-1)).toMatchObject({
      credential: 'token',
      tokenId: null,
    });
  });

  it('refuses an unknown Authorization scheme', async () => {
    const result = await sim.call('GET', '/api/v1/me/tokens/1', { token: `token ${ALICE}` });
    expect(result.status).toBe(401);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.invalidScheme);
  });

  it.each([
    ['revoked', token('AliceRevoked')],
    ['expired', token('AliceExpired')],
    ['unknown', token('NobodyHasThis')],
  ])('fails a %s token with 403 authentication failed', async (_kind, value) => {
    const result = await sim.call('GET', '/api/v1/me/tokens/1', { token: value });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.failed);
  });

  it('fails a token the moment the clock passes its expiry', async () => {
    const expiring = sim.state.tokenByPlaintext(ALICE);
    if (!expiring) throw new Error('seed token missing');
    Object.assign(expiring, { expiredAt: new Date(sim.state.clock.now().getTime() + 60_000) });
    const before = await sim.call('GET', `/api/v1/me/tokens/${expiring.id}`, { token: ALICE });
    sim.state.clock.advance(61_000);
    const after = await sim.call('GET', `/api/v1/me/tokens/${expiring.id}`, { token: ALICE });
    expect([before.status, after.status]).toEqual([200, 403]);
  });

  it('updates last_used_at on every successful token authentication', async () => {
    sim.state.clock.freeze();
    const record = sim.state.tokenByPlaintext(ALICE);
    expect(record?.lastUsedAt).toBeNull();
    await sim.call('GET', `/api/v1/me/tokens/${aliceTokenId()}`, { token: ALICE });
    expect(record?.lastUsedAt?.toISOString()).toBe(sim.state.clock.now().toISOString());
    sim.state.clock.advance(5_000);
    // Even when the action is then refused, the token did authenticate.
    await sim.call('PUT', '/api/v1/me/tokens', {
      token: ALICE,
      json: { api_token: { name: 'x' } },
    });
    expect(record?.lastUsedAt?.toISOString()).toBe(sim.state.clock.now().toISOString());
  });

  it('answers 403 "this action requires authentication" without credentials', async () => {
    const result = await sim.call('DELETE', '/api/v1/me/tokens/1');
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.required);
  });

  it('stores only the SHA-256 of tokens', () => {
    const record = sim.state.tokenByPlaintext(ALICE);
    expect(record?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(sim.state.tokens)).not.toContain(ALICE);
  });
});
