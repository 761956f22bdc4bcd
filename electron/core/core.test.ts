import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from './core';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { MemoryClipboard } from './test-support/memory-clipboard';
import { memoryKeychain } from './test-support/memory-keychain';
import { dispatchCall } from './dispatch';
import { fakeFetch, meBody, type FakeRoute, apiTokenJson } from './test-support/fake-registry';

const NOW = new Date('2026-06-01T00:00:00Z');

const token = apiTokenJson;

async function setUp(routes: Record<string, FakeRoute | (() => FakeRoute | Promise<FakeRoute>)>) {
  const { fetch, requests } = fakeFetch(routes);
  const emitted: [string, unknown][] = [];
  const cookies: Record<string, string> = {
    'https://one.test': 'c-one',
    'https://two.test': 'c-two',
  };
  const core = await createCore({
    fetch,
    clock: { now: () => NOW },
    signInWindow: { signIn: (baseUrl) => Promise.resolve(cookies[baseUrl] ?? 'none') },
    events: { emit: (name, payload) => emitted.push([name, payload]) },
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-core-')),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
  });
  return { core, requests, emitted };
}

describe('core: accounts and token list', () => {
  it('signs in, lists the account and announces it, without exposing the cookie', async () => {
    const { core, emitted } = await setUp({ 'one.test /api/v1/me': { body: meBody(1, 'kate') } });
    await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
    const accounts = await dispatchCall(core.handlers, 'accounts:list', {});
    expect(accounts).toMatchObject({
      ok: true,
      value: [{ id: 'one.test#1', login: 'kate', status: 'signed-in' }],
    });
    expect(JSON.stringify(accounts)).not.toContain('c-one');
    expect(emitted.map(([name]) => name)).toEqual(['accounts:changed']);
  });

  it('lists every account in parallel, classified, and reports one failing account beside the rest', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const slow = (body: unknown) => async (): Promise<FakeRoute> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return { body };
    };
    const { core } = await setUp({
      'one.test /api/v1/me': { body: meBody(1, 'kate') },
      'two.test /api/v1/me': { body: meBody(2, 'ferris') },
      'one.test /api/v1/me/tokens': slow({
        api_tokens: [
          token(2, { expired_at: '2026-06-03T00:00:00Z' }),
          token(1, { endpoint_scopes: null }),
        ],
      }),
      'two.test /api/v1/me/tokens': slow({ api_tokens: [token(9)] }),
    });
    await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
    await core.signIn({ name: 'two', baseUrl: 'https://two.test' });
    const list = await dispatchCall(core.handlers, 'tokens:list', {});
    expect(maxInFlight).toBe(2);
    expect(list).toMatchObject({
      ok: true,
      value: {
        failures: [],
        tokens: [
          { key: 'one.test#1/2', status: 'expiring' },
          { key: 'one.test#1/1', status: 'legacy' },
          { key: 'two.test#2/9', status: 'no-expiry' },
        ],
      },
    });
  });

  it('judges "expiring" from the widest warning day, and says which it used', async () => {
    const { core } = await setUp({
      'one.test /api/v1/me': { body: meBody(1, 'kate') },
      'one.test /api/v1/me/tokens': {
        body: { api_tokens: [token(3, { expired_at: '2026-06-21T00:00:00Z' })] },
      },
    });
    await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
    expect(await dispatchCall(core.handlers, 'tokens:list', {})).toMatchObject({
      ok: true,
      value: { warnWithinDays: 14, tokens: [{ status: 'active' }] },
    });
    await dispatchCall(core.handlers, 'settings:update', { patch: { warningDays: [7, 30] } });
    expect(await dispatchCall(core.handlers, 'tokens:list', {})).toMatchObject({
      ok: true,
      value: { warnWithinDays: 30, tokens: [{ status: 'expiring' }] },
    });
  });

  it('marks an account signed out when its session is refused, keeping the others', async () => {
    const { core } = await setUp({
      'one.test /api/v1/me': { body: meBody(1, 'kate') },
      'two.test /api/v1/me': { body: meBody(2, 'ferris') },
      'one.test /api/v1/me/tokens': {
        status: 403,
        body: { errors: [{ detail: 'this action requires authentication' }] },
      },
      'two.test /api/v1/me/tokens': { body: { api_tokens: [token(9)] } },
    });
    await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
    await core.signIn({ name: 'two', baseUrl: 'https://two.test' });
    const list = await dispatchCall(core.handlers, 'tokens:list', {});
    expect(list).toMatchObject({
      ok: true,
      value: {
        tokens: [{ key: 'two.test#2/9' }],
        failures: [
          { accountId: 'one.test#1', message: expect.stringContaining('sign in again') as unknown },
        ],
      },
    });
    const accounts = await dispatchCall(core.handlers, 'accounts:list', {});
    expect(accounts).toMatchObject({
      ok: true,
      value: [{ status: 'signed-out' }, { status: 'signed-in' }],
    });
  });

  it('refuses invalid input and unknown calls before reaching the core', async () => {
    const { core, requests } = await setUp({});
    expect(
      await dispatchCall(core.handlers, 'tokens:list', { expiredDays: 'thirty' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchCall(core.handlers, 'vault:dump', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(requests).toEqual([]);
  });

  it.each([
    ['a 10 MB name', { name: 'a'.repeat(10 * 1024 * 1024), baseUrl: 'https://one.test' }],
    ['crates-io for another registry', { name: 'crates-io', baseUrl: 'https://one.test' }],
    [
      'text shaped like a TOML section',
      { name: 'x]\n[registry]\ntoken', baseUrl: 'https://one.test' },
    ],
    ['a name starting with a digit', { name: '1st', baseUrl: 'https://one.test' }],
  ])('refuses to sign in to a registry named with %s, storing nothing', async (_what, registry) => {
    const { core, requests, emitted } = await setUp({
      'one.test /api/v1/me': { body: meBody(1, 'kate') },
    });
    const result = await dispatchCall(core.handlers, 'accounts:sign-in', { registry });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(result).length).toBeLessThan(1_000);
    expect(await dispatchCall(core.handlers, 'accounts:list', {})).toEqual({ ok: true, value: [] });
    expect(requests).toEqual([]);
    expect(emitted).toEqual([]);
  });

  it('turns unexpected errors into a failure without leaking secrets into the log', async () => {
    const logged: string[] = [];
    const secret = `cio${'x'.repeat(32)}`;
    const { core } = await setUp({});
    const handlers = {
      ...core.handlers,
      'accounts:list': () => Promise.reject(new Error(`boom ${secret}`)),
    };
    const result = await dispatchCall(
      handlers,
      'accounts:list',
      {},
      { error: (m) => logged.push(m) },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(secret);
  });
});
