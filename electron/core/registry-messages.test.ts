import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenList } from '../../shared/domain/token';
import { createCore } from './core';
import { dispatchCall } from './dispatch';
import { registryErrorFrom, RegistryError, RegistryUnavailableError } from './registry-errors';
import { describeWait, listRefusalText, revokeFailureText } from './registry-messages';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { apiTokenJson, fakeFetch, meBody, type FakeRoute } from './test-support/fake-registry';
import { instantRetry } from './test-support/instant-retry';
import { MemoryClipboard } from './test-support/memory-clipboard';
import { memoryKeychain } from './test-support/memory-keychain';

const T0 = new Date('2026-06-01T00:00:00Z');

describe('registry messages', () => {
  it('reads Retry-After from an error answer, in seconds or as a date', () => {
    const headers = new Headers({ 'Retry-After': '30' });
    const error = registryErrorFrom({
      status: 429,
      statusText: 'Too Many Requests',
      text: JSON.stringify({ errors: [{ detail: 'Too many requests' }] }),
      headers,
    });
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.isRateLimited).toBe(true);
    const dated = registryErrorFrom(
      {
        status: 503,
        statusText: 'Service Unavailable',
        text: '',
        headers: new Headers({ 'Retry-After': new Date(T0.getTime() + 120_000).toUTCString() }),
      },
      T0.getTime(),
    );
    expect(dated.retryAfterMs).toBe(120_000);
    expect(registryErrorFrom({ status: 500, statusText: 'x', text: '' }).retryAfterMs).toBeNull();
  });

  it('says how long to wait in whole units, rounded up', () => {
    expect(describeWait(500)).toBe('in 1 second');
    expect(describeWait(30_000)).toBe('in 30 seconds');
    expect(describeWait(61_000)).toBe('in 2 minutes');
    expect(describeWait(3_600_000)).toBe('in 1 hour');
  });

  it('calls a 429 rate limiting, not an answer from an unreachable registry', () => {
    expect(listRefusalText(new RegistryError(429, 'Too many requests', 30_000))).toBe(
      'The registry is limiting requests: Too many requests (HTTP 429).',
    );
    expect(listRefusalText(new RegistryError(503, 'Down for maintenance'))).toBe(
      'The registry answered: Down for maintenance (HTTP 503).',
    );
  });

  it('says why a revocation failed and what happens next', () => {
    expect(revokeFailureText(new RegistryError(503, 'Down for maintenance'), 'crates.io')).toBe(
      'crates.io answered: Down for maintenance (HTTP 503). The token was not revoked and still works. Try again later.',
    );
    expect(
      revokeFailureText(new RegistryError(429, 'Too many requests', 45_000), 'crates.io'),
    ).toBe(
      'crates.io is limiting requests: Too many requests (HTTP 429). The token was not revoked and still works. Try again in 45 seconds.',
    );
    expect(
      revokeFailureText(new RegistryUnavailableError('Could not reach crates.io.'), 'crates.io'),
    ).toMatch(/^Could not reach crates\.io\. The revocation may not have reached the registry/);
    expect(revokeFailureText(new RegistryError(403, 'authentication failed'), 'x')).toBeNull();
  });
});

describe('registry failures through the core', () => {
  async function world(tokens: () => FakeRoute, revoke: FakeRoute) {
    const { fetch } = fakeFetch({
      'one.test /api/v1/me': { body: meBody(1, 'kate') },
      'one.test /api/v1/me/tokens': tokens,
      'one.test /api/v1/me/tokens/2': revoke,
    });
    const core = await createCore({
      fetch,
      clock: { now: () => T0 },
      signInWindow: { signIn: () => Promise.resolve('c-one') },
      events: { emit: () => undefined },
      dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-messages-')),
      store: new MemoryMetadataStore(),
      keychain: memoryKeychain('usable'),
      clipboard: new MemoryClipboard(),
      // Retry-After 30 s is over this budget: the 429 is passed on at once.
      readRetry: instantRetry([], { maxTotalWaitMs: 1_000 }),
      scryptParams: { N: 2 ** 14, r: 8, p: 1 },
    });
    await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
    return core;
  }

  it('revoke under a 503 gives the registry’s words and what happens next', async () => {
    const core = await world(() => ({ body: { api_tokens: [apiTokenJson(2)] } }), {
      status: 503,
      body: { errors: [{ detail: 'Down for maintenance' }] },
    });
    expect(await dispatchCall(core.handlers, 'tokens:revoke', { key: 'one.test#1/2' })).toEqual({
      ok: false,
      error: {
        code: 'registry-error',
        message:
          'one.test answered: Down for maintenance (HTTP 503). The token was not revoked and still works. Try again later.',
      },
    });
  });

  it('a list answered 429 with Retry-After is rate limited until a given time, not offline', async () => {
    const core = await world(
      () => ({
        status: 429,
        body: { errors: [{ detail: 'Too many requests' }] },
        headers: { 'Retry-After': '30' },
      }),
      { body: {} },
    );
    const answer = await dispatchCall(core.handlers, 'tokens:list', {});
    if (!answer.ok) throw new Error(answer.error.message);
    expect((answer.value as TokenList).failures).toEqual([
      {
        accountId: 'one.test#1',
        kind: 'rate-limited',
        message: 'The registry is limiting requests: Too many requests (HTTP 429).',
        retryAt: new Date(T0.getTime() + 30_000).toISOString(),
        lastKnownAt: null,
      },
    ]);
  });
});
