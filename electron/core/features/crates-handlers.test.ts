import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenList } from '../../../shared/domain/token';
import { createCore } from '../core';
import { dispatchCall } from '../dispatch';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { apiTokenJson, fakeFetch, meBody, type FakeRoute } from '../test-support/fake-registry';
import { instantRetry } from '../test-support/instant-retry';
import { MemoryClipboard } from '../test-support/memory-clipboard';
import { memoryKeychain } from '../test-support/memory-keychain';

describe('crates:retire-tokens', () => {
  it('forgets retired tokens from the last known list too, as a single revoke does', async () => {
    let registryUp = true;
    const tokens = [apiTokenJson(1), apiTokenJson(2), apiTokenJson(3)];
    const down: FakeRoute = { status: 503, body: { errors: [{ detail: 'Service Unavailable' }] } };
    const { fetch } = fakeFetch({
      'one.test /api/v1/me': { body: meBody(1, 'kate') },
      'one.test /api/v1/me/tokens': () => (registryUp ? { body: { api_tokens: tokens } } : down),
      // DELETE of tokens 1 and 3 (crates.io answers 200); token 2's revocation fails.
      'one.test /api/v1/me/tokens/1': { body: {} },
      'one.test /api/v1/me/tokens/2': down,
      'one.test /api/v1/me/tokens/3': { body: {} },
    });
    const core = await createCore({
      fetch,
      clock: { now: () => new Date('2026-06-01T00:00:00Z') },
      signInWindow: { signIn: () => Promise.resolve('cookie') },
      events: { emit: () => undefined },
      dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-retire-')),
      store: new MemoryMetadataStore(),
      keychain: memoryKeychain(),
      clipboard: new MemoryClipboard(),
      readRetry: instantRetry(),
    });
    await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
    await dispatchCall(core.handlers, 'tokens:list', {});
    const keys = ['one.test#1/1', 'one.test#1/2', 'one.test#1/3', 'imported/abc'];
    const retired = await dispatchCall(core.handlers, 'crates:retire-tokens', { keys });
    expect(retired).toEqual({
      ok: true,
      value: {
        results: [
          { key: 'one.test#1/1', revoked: true, message: null },
          {
            key: 'one.test#1/2',
            revoked: false,
            message:
              'one.test answered: Service Unavailable (HTTP 503). The token was not revoked and still works. Try again later.',
          },
          { key: 'one.test#1/3', revoked: true, message: null },
          {
            key: 'imported/abc',
            revoked: false,
            message:
              "Only tokens listed by a signed-in account can be revoked here; an imported token is revoked on its registry's website.",
          },
        ],
      },
    });
    registryUp = false;
    const lastKnown = await dispatchCall(core.handlers, 'tokens:list', {});
    expect(lastKnown.ok && (lastKnown.value as TokenList).tokens.map((t) => t.key)).toEqual([
      'one.test#1/2',
    ]);
  });
});
