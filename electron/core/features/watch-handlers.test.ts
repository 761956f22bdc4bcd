import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attention } from '../../../shared/domain/attention';
import { createCore } from '../core';
import { dispatchCall } from '../dispatch';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { apiTokenJson, fakeFetch, meBody } from '../test-support/fake-registry';
import { MemoryClipboard } from '../test-support/memory-clipboard';
import { memoryKeychain } from '../test-support/memory-keychain';
import type { DesktopNotification } from '../watch-ports';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString();

/** The real core against a registry whose token list the test changes. */
async function setUp() {
  let listed: Record<string, unknown>[] = [];
  const list = () => ({ body: { api_tokens: listed } });
  const { fetch, requests } = fakeFetch({
    'one.test /api/v1/me': { body: meBody(1, 'kate') },
    'one.test /api/v1/me/tokens': list,
    'one.test /api/v1/me/tokens?expired_days=365': list,
  });
  const events: [string, unknown][] = [];
  const shown: DesktopNotification[] = [];
  const store = new MemoryMetadataStore();
  const core = await createCore({
    fetch,
    clock: { now: () => NOW },
    signInWindow: { signIn: () => Promise.resolve('c-one') },
    events: { emit: (name, payload) => events.push([name, payload]) },
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-watch-')),
    store,
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    notifier: {
      show: (notification) => {
        shown.push(notification);
        return Promise.resolve(true);
      },
    },
  });
  await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
  const call = async (name: string, input: unknown = {}): Promise<unknown> => {
    const result = await dispatchCall(core.handlers, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  return {
    core,
    call,
    store,
    events,
    shown,
    requests,
    setListed: (tokens: Record<string, unknown>[]) => {
      listed = tokens;
    },
  };
}

const reasons = (attention: Attention) =>
  attention.items.map((item) => `${item.reason}:${item.name}`);

describe('watch:refresh-now and revoked elsewhere', () => {
  it('finds a held secret whose token the registry stopped listing, and forgets it on request', async () => {
    const h = await setUp();
    const quill = apiTokenJson(7, { name: 'CI: quill', expired_at: inDays(60) });
    const release = apiTokenJson(5, { name: 'release', expired_at: inDays(2) });
    h.setListed([release, quill]);
    await h.core.vault.get().put('token:one.test#1/7', 'token', 'cio-quill-secret');

    const first = (await h.call('watch:refresh-now')) as Attention;
    // Asked with the expired tokens of the last year, so an expired one is not taken for revoked.
    expect(h.requests.some((r) => r.url.endsWith('/api/v1/me/tokens?expired_days=365'))).toBe(true);
    expect(first.state).toBe('attention');
    expect(reasons(first)).toEqual(['expiring:release']);
    expect(first.items[0]).toMatchObject({
      key: 'one.test#1/5',
      threshold: '3d',
      canReplace: true,
    });
    expect(first.refreshedAt).toBe(NOW.toISOString());
    expect(h.shown.map((n) => n.title)).toEqual(["'release' expires within 3 days"]);

    // Revoked on the website: the next refresh no longer lists it.
    h.setListed([release]);
    const second = (await h.call('watch:refresh-now')) as Attention;
    expect(second.state).toBe('alert');
    expect(second.items[0]).toEqual({
      key: 'one.test#1/7',
      name: 'CI: quill',
      reason: 'revoked-elsewhere',
      threshold: null,
      expiresAt: null,
      message: "'CI: quill' was revoked on one.test; Cratekeeper still holds its secret: Forget it",
      canReplace: false,
    });
    // A second refresh repeats no notification.
    expect(h.shown).toHaveLength(1);
    expect(h.events.at(-1)).toEqual(['watch:changed', second]);

    expect(await h.call('tokens:forget', { key: 'one.test#1/7' })).toEqual({ key: 'one.test#1/7' });
    expect(h.core.vault.get().has('token:one.test#1/7')).toBe(false);
    const after = (await h.call('watch:attention')) as Attention;
    expect(reasons(after)).toEqual(['expiring:release']);
    expect(h.store.get('watch').revokedElsewhere).toEqual([]);
  });

  it('forgets an imported token: its row and its secret', async () => {
    const h = await setUp();
    const imported = (await h.call('tokens:import', {
      registryName: 'crates-io',
      name: 'old laptop',
      token: `cio${'a1'.repeat(16)}`,
      expiresAt: inDays(-1),
    })) as { key: string };
    const before = (await h.call('watch:attention')) as Attention;
    expect(before.items.map((item) => item.message)).toContain(
      "'old laptop' expired on 2026-05-31 00:00 UTC. Cratekeeper still holds its secret. Replace it, then forget it.",
    );

    await h.call('tokens:forget', { key: imported.key });
    const list = (await h.call('tokens:list')) as { tokens: { key: string }[] };
    expect(list.tokens.map((t) => t.key)).not.toContain(imported.key);
    expect(h.core.vault.get().has(`token:${imported.key}`)).toBe(false);
    expect(((await h.call('watch:attention')) as Attention).state).toBe('ok');
  });

  it('says so when there is nothing to forget', async () => {
    const h = await setUp();
    const result = await dispatchCall(h.core.handlers, 'tokens:forget', { key: 'one.test#1/99' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the list badges and the warning days', () => {
  it("marks a token expiring from the user's widest warning day on", async () => {
    const h = await setUp();
    h.setListed([apiTokenJson(5, { name: 'release', expired_at: inDays(12) })]);
    const statusOf = async () =>
      ((await h.call('tokens:list')) as { tokens: { status: string }[] }).tokens[0]?.status;
    expect(await statusOf()).toBe('expiring');
    await h.call('settings:update', { patch: { warningDays: [10, 2] } });
    expect(await statusOf()).toBe('active');
  });
});
