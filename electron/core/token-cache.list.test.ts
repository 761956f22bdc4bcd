import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenList } from '../../shared/domain/token';
import { createCore, type Core } from './core';
import { dispatchCall } from './dispatch';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { fakeFetch, meBody, type FakeRoute, apiTokenJson } from './test-support/fake-registry';
import { instantRetry } from './test-support/instant-retry';
import { MemoryClipboard } from './test-support/memory-clipboard';
import { memoryKeychain } from './test-support/memory-keychain';
import { tokenCacheFilePath } from './token-cache';

const T0 = new Date('2026-06-01T00:00:00Z');
const HOUR = 60 * 60 * 1000;
const CHEAP_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

const token = apiTokenJson;

/** How the fake registry answers `GET /api/v1/me/tokens` for account one right now. */
type Answer = 'ok' | 'http-503' | 'network' | 'http-403';

const ONE_TOKENS = [
  // Expiring in 3 days at T0; expired 4 days after.
  token(2, { expired_at: '2026-06-04T00:00:00Z' }),
  token(1, { endpoint_scopes: null }),
];

async function world(keychain: 'usable' | 'basic_text' = 'usable') {
  const state = { now: T0, answer: 'ok' as Answer };
  const tokensOfOne = (): FakeRoute => {
    switch (state.answer) {
      case 'ok':
        return { body: { api_tokens: ONE_TOKENS } };
      case 'http-503':
        return { status: 503, body: { errors: [{ detail: 'Service Unavailable' }] } };
      case 'http-403':
        return {
          status: 403,
          body: { errors: [{ detail: 'this action requires authentication' }] },
        };
      case 'network':
        throw new TypeError('fetch failed');
    }
  };
  const { fetch } = fakeFetch({
    'one.test /api/v1/me': { body: meBody(1, 'kate') },
    'two.test /api/v1/me': { body: meBody(2, 'ferris') },
    'one.test /api/v1/me/tokens': tokensOfOne,
    'one.test /api/v1/me/tokens?expired_days=30': tokensOfOne,
    // The fake matches no method: this answers the revocation's DELETE.
    'one.test /api/v1/me/tokens/2': { body: {} },
    'two.test /api/v1/me/tokens': { body: { api_tokens: [token(9)] } },
    'two.test /api/v1/me/tokens?expired_days=30': { body: { api_tokens: [token(9)] } },
  });
  const cookies: Record<string, string> = {
    'https://one.test': 'c-one',
    'https://two.test': 'c-two',
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-offline-'));
  const store = new MemoryMetadataStore();
  const start = (): Promise<Core> =>
    createCore({
      fetch,
      clock: { now: () => state.now },
      signInWindow: { signIn: (baseUrl) => Promise.resolve(cookies[baseUrl] ?? 'none') },
      events: { emit: () => undefined },
      dataDir,
      store,
      keychain: memoryKeychain(keychain),
      clipboard: new MemoryClipboard(),
      readRetry: instantRetry(),
      scryptParams: CHEAP_SCRYPT,
    });
  const core = await start();
  if (keychain === 'basic_text') {
    await dispatchCall(core.handlers, 'vault:use-passphrase', { passphrase: 'correct horse' });
  }
  await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
  await core.signIn({ name: 'two', baseUrl: 'https://two.test' });
  return { core, state, dataDir, start };
}

async function list(core: Core, input: { expiredDays?: number } = {}): Promise<TokenList> {
  const answer = await dispatchCall(core.handlers, 'tokens:list', input);
  if (!answer.ok) throw new Error(`tokens:list failed: ${answer.error.message}`);
  return answer.value as TokenList;
}

describe('tokens:list with the last known list', () => {
  it.each([
    [
      'answers 503 after its retries',
      'http-503' as const,
      'The registry answered: Service Unavailable (HTTP 503).',
    ],
    ['cannot be reached', 'network' as const, 'Could not reach one.test.'],
  ])(
    'shows an account’s last fetched tokens, reclassified now, when its registry %s',
    async (_, answer, message) => {
      const { core, state } = await world();
      await list(core);
      state.now = new Date(T0.getTime() + 2 * 24 * HOUR);
      state.answer = answer;

      const offline = await list(core);
      expect(offline.failures).toEqual([
        { accountId: 'one.test#1', kind: 'offline', message, lastKnownAt: T0.toISOString() },
      ]);
      expect(offline.tokens).toMatchObject([
        { key: 'one.test#1/2', status: 'expiring', secretHeld: false },
        { key: 'one.test#1/1', status: 'legacy' },
        { key: 'two.test#2/9', status: 'no-expiry' },
      ]);
      expect(offline.fetchedAt).toBe(state.now.toISOString());

      // A token that expired since the fetch drops out, as the registry would leave it out.
      state.now = new Date(T0.getTime() + 4 * 24 * HOUR);
      expect((await list(core)).tokens.map((view) => view.key)).toEqual([
        'one.test#1/1',
        'two.test#2/9',
      ]);
      expect((await list(core, { expiredDays: 30 })).tokens.map((view) => view.key)).toEqual([
        'one.test#1/2',
        'one.test#1/1',
        'two.test#2/9',
      ]);
    },
    20_000,
  );

  it('says so, without tokens, for an account never fetched', async () => {
    const { core, state } = await world();
    state.answer = 'network';
    const offline = await list(core);
    expect(offline.failures).toEqual([
      {
        accountId: 'one.test#1',
        kind: 'offline',
        message: 'Could not reach one.test.',
        lastKnownAt: null,
      },
    ]);
    expect(offline.tokens.map((view) => view.key)).toEqual(['two.test#2/9']);
  }, 20_000);

  it('does not show the last known tokens of an account whose session was refused', async () => {
    const { core, state } = await world();
    await list(core);
    state.answer = 'http-403';
    const refused = await list(core);
    expect(refused.failures).toMatchObject([
      {
        accountId: 'one.test#1',
        message: expect.stringContaining('sign in again') as unknown,
        lastKnownAt: null,
      },
    ]);
    expect(refused.tokens.map((view) => view.key)).toEqual(['two.test#2/9']);
  });

  it('serves the list from the file after a restart while the vault is locked', async () => {
    const { core, state, start } = await world('basic_text');
    await list(core);
    await core.settled();
    state.now = new Date(T0.getTime() + 3 * HOUR);

    const restarted = await start();
    expect(restarted.vault.status().state).toBe('locked');
    const offline = await list(restarted);
    expect(offline.failures).toEqual([
      {
        accountId: 'one.test#1',
        kind: 'locked',
        message: 'The vault is locked: unlock it to refresh this account.',
        lastKnownAt: T0.toISOString(),
      },
      {
        accountId: 'two.test#2',
        kind: 'locked',
        message: 'The vault is locked: unlock it to refresh this account.',
        lastKnownAt: T0.toISOString(),
      },
    ]);
    expect(offline.tokens.map((view) => view.key)).toEqual([
      'one.test#1/2',
      'one.test#1/1',
      'two.test#2/9',
    ]);
  });

  it('forgets a revoked token, and a removed account’s whole list', async () => {
    const { core, state, dataDir } = await world();
    await list(core);
    expect(
      await dispatchCall(core.handlers, 'tokens:revoke', { key: 'one.test#1/2' }),
    ).toMatchObject({ ok: true });
    state.answer = 'http-503';
    expect((await list(core)).tokens.map((view) => view.key)).toEqual([
      'one.test#1/1',
      'two.test#2/9',
    ]);

    await core.settled();
    expect(readFileSync(tokenCacheFilePath(dataDir), 'utf8')).toContain('one.test#1');
    await dispatchCall(core.handlers, 'accounts:remove', { accountId: 'one.test#1' });
    const file = readFileSync(tokenCacheFilePath(dataDir), 'utf8');
    expect(file).not.toContain('one.test#1');
    expect(file).toContain('two.test#2');
  }, 20_000);
});
