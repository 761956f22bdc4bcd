import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { dispatchCall } from '../../electron/core/dispatch';
import { MemoryMetadataStore } from '../../electron/core/store/memory-metadata-store';
import { MemoryClipboard } from '../../electron/core/test-support/memory-clipboard';
import { memoryKeychain } from '../../electron/core/test-support/memory-keychain';
import { createTokenBody } from '../../shared/domain/create-token';
import type { TokenView } from '../../shared/domain/token';
import type { CallInput, CallName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import type { FaultSpec } from '../simulator/state/faults';
import { signInOverHttp } from '../simulator/sign-in-client';

const DAY_MS = 24 * 60 * 60 * 1000;

let simulator: RunningSimulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

interface Sent {
  readonly method: string;
  readonly path: string;
}

/**
 * The real core against the real simulator, signed in as the seed's first
 * user. Every request the core sends is counted (faults stop some before the
 * simulator's own logs see them) and every answer a renderer would get is
 * kept, to check that no secret is ever among them.
 */
type Send = (input: string, init?: RequestInit) => Promise<Response>;

async function setUp(seed = 'demo', intercept?: (send: Send) => Send) {
  const sim = await startSimulator({ port: 0, seed });
  simulator = sim;
  const sent: Sent[] = [];
  const answers: string[] = [];
  const core: Core = await createCore({
    fetch: (input, init) => {
      sent.push({ method: init?.method ?? 'GET', path: new URL(input).pathname });
      const send: Send = (url, options) => fetch(url, options);
      return (intercept ? intercept(send) : send)(input, init);
    },
    clock: { now: () => new Date() },
    signInWindow: { signIn: (baseUrl) => signInOverHttp(baseUrl) },
    events: { emit: () => undefined },
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-lifecycle-')),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
  });
  const account = await core.signIn({ name: 'sim', baseUrl: sim.url });
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<unknown>> {
    const answer = await dispatchCall(core.handlers, name, input, { error: () => undefined });
    if (name !== 'tokens:reveal') answers.push(JSON.stringify(answer));
    return answer;
  }
  /** The secret the vault holds for a token (the one call allowed to return it). */
  async function reveal(key: string): Promise<string | null> {
    const answer = await call('tokens:reveal', { key });
    return answer.ok ? (answer.value as { secret: string }).secret : null;
  }
  async function listedKeys(): Promise<string[]> {
    const answer = await call('tokens:list', {});
    return answer.ok ? (answer.value as { tokens: TokenView[] }).tokens.map((t) => t.key) : [];
  }
  const puts = (): Sent[] =>
    sent.filter((s) => s.method === 'PUT' && s.path === '/api/v1/me/tokens');
  return { sim, core, account, sent, puts, answers, call, reveal, listedKeys };
}

function inDays(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString();
}

function createdView(answer: Result<unknown>): TokenView {
  if (!answer.ok)
    throw new Error(`expected success, got ${answer.error.code}: ${answer.error.message}`);
  return (answer.value as { token: TokenView }).token;
}

describe('creating tokens against the simulator', () => {
  it('sends exactly the expected body for each form state and keeps every secret out of the answers', async () => {
    const { sim, account, call, reveal, answers, puts } = await setUp();
    const forms: Omit<CallInput<'tokens:create'>, 'accountId'>[] = [
      { name: 'laptop', endpointScopes: ['publish-update'], cratePatterns: [], expiresAt: null },
      {
        name: '  CI: quill  ',
        endpointScopes: ['yank', 'publish-update'],
        cratePatterns: ['quill*', 'kelp'],
        expiresAt: inDays(90),
      },
      {
        name: 'everything',
        endpointScopes: [
          'trusted-publishing',
          'yank',
          'publish-update',
          'publish-new',
          'change-owners',
        ],
        cratePatterns: ['*'],
        expiresAt: inDays(7),
      },
    ];
    const views: TokenView[] = [];
    for (const form of forms) {
      views.push(createdView(await call('tokens:create', { accountId: account.id, ...form })));
    }

    expect(sim.state.createTokenBodies.map((body) => body.raw)).toEqual(
      forms.map((form) => JSON.stringify(createTokenBody(form))),
    );
    expect(JSON.parse(sim.state.createTokenBodies[1]?.raw ?? '')).toEqual({
      api_token: {
        name: 'CI: quill',
        endpoint_scopes: ['publish-update', 'yank'],
        crate_scopes: ['quill*', 'kelp'],
        expired_at: forms[1]?.expiresAt,
      },
    });
    expect(puts()).toHaveLength(3);
    expect(views.map((view) => [view.name, view.secretHeld, view.status])).toEqual([
      ['laptop', true, 'no-expiry'],
      ['CI: quill', true, 'active'],
      ['everything', true, 'expiring'],
    ]);

    for (const view of views) {
      const secret = await reveal(view.key);
      expect(secret).toMatch(/^cio[A-Za-z0-9]{32}$/);
      // The vault holds the very token the registry made.
      expect(sim.state.tokenByPlaintext(secret ?? '')?.id).toBe(view.tokenId);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
  });

  it('refuses a past expiry and invalid patterns before sending anything', async () => {
    const { account, call, puts } = await setUp();
    const base = { accountId: account.id, name: 'x', endpointScopes: ['yank' as const] };
    expect(
      await call('tokens:create', { ...base, cratePatterns: [], expiresAt: inDays(-1) }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('already passed') as unknown,
      },
    });
    expect(
      await call('tokens:create', { ...base, cratePatterns: ['1quill'], expiresAt: null }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(puts()).toEqual([]);
  });

  it("lists the account's own crates for the pattern preview", async () => {
    const { account, call } = await setUp();
    const answer = await call('accounts:crates', { accountId: account.id });
    expect(answer.ok).toBe(true);
    const crates = answer.ok ? (answer.value as { crates: string[] }).crates : [];
    expect(crates).toContain('quill_json');
    expect(crates).toEqual([...crates].sort());
    expect(crates).toHaveLength(25);
  });
});

describe('revoking and rotating against the simulator', () => {
  it('revokes with the session: gone from the list, from the registry and from the vault', async () => {
    const { sim, account, call, reveal, listedKeys } = await setUp();
    const view = createdView(
      await call('tokens:create', {
        accountId: account.id,
        name: 'temp',
        endpointScopes: ['yank'],
        cratePatterns: [],
        expiresAt: null,
      }),
    );
    expect(await listedKeys()).toContain(view.key);
    expect(await call('tokens:revoke', { key: view.key })).toEqual({
      ok: true,
      value: { key: view.key },
    });
    expect(await listedKeys()).not.toContain(view.key);
    expect(sim.state.tokens.find((t) => t.id === view.tokenId)?.revoked).toBe(true);
    expect(await reveal(view.key)).toBeNull();
  });

  it('refuses to revoke an imported token: only its registry can', async () => {
    const { call } = await setUp();
    expect(await call('tokens:revoke', { key: 'imported/abc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('rotates: same name, scopes and patterns, new expiry, new secret stored, old revoked', async () => {
    const { sim, account, call, reveal, listedKeys } = await setUp();
    const old = createdView(
      await call('tokens:create', {
        accountId: account.id,
        name: 'release',
        endpointScopes: ['publish-update', 'publish-new'],
        cratePatterns: ['quill*'],
        expiresAt: inDays(3),
      }),
    );
    const newExpiry = inDays(90);
    const answer = await call('tokens:rotate', { key: old.key, expiresAt: newExpiry });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        revokedOld: true,
        message: null,
        created: {
          name: 'release',
          endpointScopes: ['publish-new', 'publish-update'],
          cratePatterns: ['quill*'],
          expiresAt: newExpiry,
          secretHeld: true,
        },
      },
    });
    const created = answer.ok ? (answer.value as { created: TokenView }).created : null;
    expect(sim.state.createTokenBodies.at(-1)?.raw).toBe(
      JSON.stringify({
        api_token: {
          name: 'release',
          endpoint_scopes: ['publish-new', 'publish-update'],
          crate_scopes: ['quill*'],
          expired_at: newExpiry,
        },
      }),
    );
    expect(sim.state.tokens.find((t) => t.id === old.tokenId)?.revoked).toBe(true);
    expect(await reveal(old.key)).toBeNull();
    const secret = await reveal(created?.key ?? '');
    expect(sim.state.tokenByPlaintext(secret ?? '')?.id).toBe(created?.tokenId);
    const keys = await listedKeys();
    expect(keys).toContain(created?.key);
    expect(keys).not.toContain(old.key);
  });

  it('keeps both tokens, and says so, when revoking the old one fails', async () => {
    const { sim, account, call, reveal, listedKeys } = await setUp();
    const old = createdView(
      await call('tokens:create', {
        accountId: account.id,
        name: 'yanker',
        endpointScopes: ['yank'],
        cratePatterns: [],
        expiresAt: inDays(2),
      }),
    );
    sim.state.faults.add({ kind: 'http-500', route: '/api/v1/me/tokens/*', method: 'DELETE' });
    const answer = await call('tokens:rotate', { key: old.key, expiresAt: inDays(30) });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        revokedOld: false,
        message: expect.stringContaining('old token could not be revoked') as unknown,
      },
    });
    const created = answer.ok ? (answer.value as { created: TokenView }).created : null;
    expect(await listedKeys()).toEqual(expect.arrayContaining([old.key, created?.key]));
    expect(await reveal(old.key)).not.toBeNull();
    expect(await reveal(created?.key ?? '')).not.toBeNull();
    expect(sim.state.createTokenBodies).toHaveLength(2);
  });

  it('refuses to rotate a legacy token: Cratekeeper creates only scoped ones', async () => {
    const { sim, account, call, puts } = await setUp();
    const legacy = sim.state.tokens.find(
      (t) => t.userId === account.userId && t.endpointScopes === null && !t.revoked,
    );
    const answer = await call('tokens:rotate', {
      key: `${account.id}/${legacy?.id ?? 0}`,
      expiresAt: null,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('legacy') as unknown },
    });
    expect(puts()).toEqual([]);
  });
});

describe('when creation goes wrong, nothing is sent twice and the user is told', () => {
  /** Creates a yank-only token named `name` while the simulator answers its PUT with `fault`. */
  async function createDespite(fault: Omit<FaultSpec, 'route' | 'method'>, name: string) {
    const setup = await setUp();
    setup.sim.state.faults.add({ ...fault, route: '/api/v1/me/tokens', method: 'PUT' });
    const answer = await setup.call('tokens:create', {
      accountId: setup.account.id,
      name,
      endpointScopes: ['yank'],
      cratePatterns: [],
      expiresAt: null,
    });
    return { ...setup, answer };
  }

  it('a dropped connection: one PUT, no token, "most likely not created"', async () => {
    const { sim, answer, puts } = await createDespite({ kind: 'reset' }, 'lost');
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'network',
        message: expect.stringContaining('most likely not created') as unknown,
      },
    });
    expect(answer.ok ? '' : answer.error.message).toContain('Nothing was sent again');
    expect(puts()).toHaveLength(1);
    expect(sim.state.tokens.filter((token) => token.name === 'lost')).toEqual([]);
  });

  it("a 500: one PUT, and the server's own text", async () => {
    const { answer, puts } = await createDespite(
      { kind: 'http-500', message: 'database on fire' },
      'x',
    );
    expect(answer).toEqual({
      ok: false,
      error: { code: 'registry-error', message: 'database on fire' },
    });
    expect(puts()).toHaveLength(1);
  });

  it('a cut-off answer after the token was made: one body, and "revoke it and create again"', async () => {
    const { sim, account, answer, puts, listedKeys } = await createDespite(
      { kind: 'truncated-json' },
      'half',
    );
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'network',
        message: expect.stringContaining('secret was lost in transit') as unknown,
      },
    });
    expect(answer.ok ? '' : answer.error.message).toContain('Revoke that one');
    expect(puts()).toHaveLength(1);
    expect(sim.state.createTokenBodies).toHaveLength(1);
    const made = sim.state.tokens.find((t) => t.name === 'half');
    expect(made).toBeDefined();
    expect(await listedKeys()).toContain(`${account.id}/${made?.id ?? 0}`);
  });

  /** Two creations of `name` at once, the first one's PUT handled by `firstPut`. */
  async function twoAtOnce(name: string, firstPut: (send: Send, second: Promise<void>) => Send) {
    let secondAnswered: () => void = () => undefined;
    const second = new Promise<void>((resolve) => {
      secondAnswered = resolve;
    });
    let putsSeen = 0;
    const setup = await setUp('demo', (send) => (input, init) => {
      if (init?.method !== 'PUT') return send(input, init);
      putsSeen += 1;
      if (putsSeen === 1) return firstPut(send, second)(input, init);
      return send(input, init).finally(() => {
        secondAnswered();
      });
    });
    const create = () =>
      setup.call('tokens:create', {
        accountId: setup.account.id,
        name,
        endpointScopes: ['yank'],
        cratePatterns: [],
        expiresAt: null,
      });
    const [first, other] = await Promise.all([create(), create()]);
    return { ...setup, first, other };
  }

  it('a lost answer is never blamed on a namesake this app made at the same time', async () => {
    // The first PUT never reaches the registry, and fails only after the
    // second one (same name) was answered: the list then shows the second's token.
    const { first, other, sim } = await twoAtOnce('twin', (_send, second) => async () => {
      await second;
      throw new TypeError('fetch failed');
    });
    expect(other.ok).toBe(true);
    expect(sim.state.tokens.filter((token) => token.name === 'twin')).toHaveLength(1);
    expect(first).toMatchObject({
      ok: false,
      error: {
        code: 'network',
        message: expect.stringContaining('most likely not created') as unknown,
      },
    });
  });

  it('names the lost token by id and creation time when it can tell it apart', async () => {
    const { first, other, sim, account, reveal } = await twoAtOnce(
      'pair',
      (send, second) => async (input, init) => {
        const answer = await send(input, init);
        await answer.body?.cancel();
        await second;
        throw new TypeError('fetch failed');
      },
    );
    expect(other.ok).toBe(true);
    const made = sim.state.tokens.filter((token) => token.name === 'pair');
    expect(made).toHaveLength(2);
    const kept = createdView(other);
    const lost = made.find((token) => `${account.id}/${token.id}` !== kept.key);
    expect(lost).toBeDefined();
    expect(first.ok ? '' : first.error.message).toContain(`id ${lost?.id ?? 0}, created`);
    expect(first.ok ? '' : first.error.message).not.toContain(
      `id ${kept.key.split('/').at(-1) ?? ''},`,
    );
    expect(await reveal(kept.key)).not.toBeNull();
  });

  it('says it cannot tell when several namesakes appeared without an answer', async () => {
    const { sim, call, account } = await setUp();
    sim.state.faults.add({
      kind: 'truncated-json',
      route: '/api/v1/me/tokens',
      method: 'PUT',
      times: 2,
    });
    const create = () =>
      call('tokens:create', {
        accountId: account.id,
        name: 'doubled',
        endpointScopes: ['yank'],
        cratePatterns: [],
        expiresAt: null,
      });
    const answers = await Promise.all([create(), create()]);
    expect(sim.state.tokens.filter((token) => token.name === 'doubled')).toHaveLength(2);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('cannot tell which one') as unknown },
      });
    }
  });

  it("the 500-token cap and the operator's switch show the server's text, once", async () => {
    const full = await setUp('generated:1x500');
    const capped = await full.call('tokens:create', {
      accountId: full.account.id,
      name: 'one more',
      endpointScopes: ['yank'],
      cratePatterns: [],
      expiresAt: null,
    });
    expect(capped).toEqual({
      ok: false,
      error: { code: 'registry-error', message: 'maximum tokens per user is: 500' },
    });
    expect(full.puts()).toHaveLength(1);
    await full.sim.close();

    const { sim, account, call, puts } = await setUp();
    sim.state.tokenCreation.enabled = false;
    sim.state.tokenCreation.message = 'Token creation is paused for maintenance until 14:00 UTC.';
    const paused = await call('tokens:create', {
      accountId: account.id,
      name: 'x',
      endpointScopes: ['yank'],
      cratePatterns: [],
      expiresAt: null,
    });
    expect(paused).toEqual({
      ok: false,
      error: {
        code: 'registry-error',
        message: 'Token creation is paused for maintenance until 14:00 UTC.',
      },
    });
    expect(puts()).toHaveLength(1);
  });
});

describe('reads are retried', () => {
  it('a 429 on the token list is retried after its Retry-After', async () => {
    const { sim, call, sent } = await setUp();
    sim.state.faults.add({
      kind: 'http-429',
      route: '/api/v1/me/tokens',
      method: 'GET',
      retry_after_seconds: 1,
      times: 1,
    });
    const started = Date.now();
    const answer = await call('tokens:list', {});
    expect(answer).toMatchObject({ ok: true, value: { failures: [] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sent.filter((s) => s.method === 'GET' && s.path === '/api/v1/me/tokens')).toHaveLength(
      2,
    );
  });
});
