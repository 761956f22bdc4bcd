import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { hashToken, TOKEN_PATTERN } from '../../models/token';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';
import { MAX_TOKENS_PER_USER } from './create';

const PATH = '/api/v1/me/tokens';

describe('PUT /api/v1/me/tokens', () => {
  let sim: TestSim;
  let cookie: string;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
    cookie = await sim.signIn('alice');
  });
  afterEach(() => sim.close());

  const create = (
    apiToken: Record<string, unknown>,
    auth: { cookie?: string; token?: string } = { cookie },
  ) => sim.call('PUT', PATH, { ...auth, json: { api_token: apiToken } });

  it('creates a token and answers its plaintext once; only the hash is kept', async () => {
    const expiredAt = '2031-01-02T03:04:05Z';
    const result = await create({
      name: 'ci',
      endpoint_scopes: ['publish-update'],
      crate_scopes: ['alpha*', 'bobs-crate'],
      expired_at: expiredAt,
    });
    expect(result.status).toBe(200);
    const created = (result.json as { api_token: Record<string, unknown> }).api_token;
    expect(created).toMatchObject({
      name: 'ci',
      endpoint_scopes: ['publish-update'],
      crate_scopes: ['alpha*', 'bobs-crate'],
      last_used_at: null,
    });
    expect(new Date(String(created.expired_at)).toISOString()).toBe(
      new Date(expiredAt).toISOString(),
    );
    const plaintext = String(created.token);
    expect(plaintext).toMatch(TOKEN_PATTERN);
    const stored = sim.state.tokenByPlaintext(plaintext);
    expect(stored?.hash).toBe(hashToken(plaintext));
    expect(JSON.stringify(sim.state.tokens)).not.toContain(plaintext);
    const listed = await sim.call('GET', PATH, { cookie });
    expect(listed.text).not.toContain(plaintext);
  });

  it('records every create body verbatim', async () => {
    const raw = '{"api_token":{"name":"verbatim",  "endpoint_scopes":null}}';
    await sim.call('PUT', PATH, {
      cookie,
      body: raw,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(sim.state.createTokenBodies.at(-1)?.raw).toBe(raw);
  });

  it('makes a legacy token when endpoint_scopes is null or absent', async () => {
    const result = await create({ name: 'legacy', endpoint_scopes: null });
    const created = (result.json as { api_token: Record<string, unknown> }).api_token;
    expect(created.endpoint_scopes).toBeNull();
    expect(created.expired_at).toBeNull();
  });

  it('requires a name', async () => {
    const result = await create({ name: '' });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toBe('name must have a value');
  });

  it.each([['publish'], ['Yank'], ['legacy']])('refuses endpoint scope %s', async (scope) => {
    const result = await create({ name: 'x', endpoint_scopes: ['yank', scope] });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toBe('invalid endpoint scope');
  });

  it('accepts every endpoint scope crates.io knows', async () => {
    const scopes = ['publish-new', 'publish-update', 'yank', 'change-owners', 'trusted-publishing'];
    expect((await create({ name: 'all', endpoint_scopes: scopes })).status).toBe(200);
  });

  it.each([['1foo'], ['foo**'], ['f*o'], [''], ['foo bar'], ['a'.repeat(65)], ['_x']])(
    'refuses crate scope %j by the server rules',
    async (pattern) => {
      const result = await create({ name: 'x', crate_scopes: [pattern] });
      expect(result.status).toBe(400);
      expect(detailOf(result)).toBe('invalid crate scope');
    },
  );

  it.each([['*'], ['f*'], ['foo-bar_baz'], ['Foo*'], ['a'.repeat(64)]])(
    'accepts crate scope %j',
    async (pattern) => {
      expect((await create({ name: 'x', crate_scopes: [pattern] })).status).toBe(200);
    },
  );

  it('refuses a legacy token with 400 and a scoped one with 403', async () => {
    const legacy = await create({ name: 'x' }, { token: token('AliceLegacy') });
    expect(legacy.status).toBe(400);
    expect(detailOf(legacy)).toBe('cannot use an API token to create a new API token');
    const scoped = await create({ name: 'x' }, { token: token('AlicePublishAlpha') });
    expect(scoped.status).toBe(403);
    expect(detailOf(scoped)).toBe(AUTH_MESSAGES.missingPermissions);
  });

  it('stops at 500 tokens per user, revoked ones counted', async () => {
    const alice = sim.state.userByLogin('alice');
    if (!alice) throw new Error('seed user missing');
    const existing = sim.state.db.tokensOf(alice.id).length;
    for (let n = existing; n < MAX_TOKENS_PER_USER - 1; n += 1) {
      sim.state.db.addToken({
        id: sim.state.db.nextId('token'),
        userId: alice.id,
        name: `filler ${n}`,
        hash: hashToken(`filler ${n}`),
        createdAt: sim.state.clock.now(),
        lastUsedAt: null,
        expiredAt: null,
        endpointScopes: null,
        crateScopes: null,
        revoked: n % 2 === 0,
      });
    }
    expect((await create({ name: 'the 500th' })).status).toBe(200);
    const refused = await create({ name: 'the 501st' });
    expect(refused.status).toBe(400);
    expect(detailOf(refused)).toBe('maximum tokens per user is: 500');
  });

  it('answers 503 with the operator message when creation is switched off', async () => {
    sim.state.tokenCreation.enabled = false;
    sim.state.tokenCreation.message = 'Token creation is paused for maintenance.';
    const result = await create({ name: 'x' });
    expect(result.status).toBe(503);
    expect(detailOf(result)).toBe('Token creation is paused for maintenance.');
  });

  it('refuses a malformed body like axum: 415, 400, 422', async () => {
    const noType = await sim.call('PUT', PATH, { cookie, body: '{"api_token":{"name":"x"}}' });
    expect(noType.status).toBe(415);
    const broken = await sim.call('PUT', PATH, {
      cookie,
      body: '{"api_token":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    const badDate = await create({ name: 'x', expired_at: 'next tuesday' });
    expect(badDate.status).toBe(422);
  });

  it('requires authentication', async () => {
    const result = await create({ name: 'x' }, {});
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.required);
  });
});
