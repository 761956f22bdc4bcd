import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account, Registry } from '../../shared/domain/account';
import { AccountBook, sessionSecretId } from './account-book';
import { ActionError } from './action-error';
import { createCore } from './core';
import { dispatchCall } from './dispatch';
import { systemClock } from './ports';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { fakeFetch, meBody, type RecordedRequest } from './test-support/fake-registry';
import { instantRetry } from './test-support/instant-retry';
import { MemoryClipboard } from './test-support/memory-clipboard';
import { memoryKeychain } from './test-support/memory-keychain';
import { VaultService } from './vault-service';

const COOKIE = 'sess-9f2c41';

/** An AccountBook on a fresh vault, whose registries (any host) all answer /me as user 1. */
async function setUp(hosts: string[] = ['reg.test', '127.0.0.1:8888']) {
  const routes = Object.fromEntries(
    hosts.map((host) => [`${host} /api/v1/me`, { body: meBody(1, 'kate') }]),
  );
  const { fetch, requests } = fakeFetch(routes);
  const store = new MemoryMetadataStore();
  const events = { emit: () => undefined };
  const vault = await VaultService.open({
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-book-')),
    keychain: memoryKeychain(),
    store,
    events,
  });
  const windows: string[] = [];
  const book = new AccountBook({
    fetch,
    signInWindow: {
      signIn: (baseUrl) => {
        windows.push(baseUrl);
        return Promise.resolve(COOKIE);
      },
    },
    events,
    clock: systemClock,
    store,
    vault,
    readRetry: instantRetry(),
  });
  return { book, store, vault, requests, windows };
}

/** What an attacker with write access to the (unprotected) metadata file can do. */
function editBaseUrl(store: MemoryMetadataStore, baseUrl: string): void {
  store.set(
    'accounts',
    store
      .get('accounts')
      .map((account) => ({ ...account, registry: { ...account.registry, baseUrl } })),
  );
}

function storedAccount(registry: Registry, id: string): Account {
  return {
    id,
    registry,
    userId: 1,
    login: 'kate',
    displayName: null,
    avatarUrl: null,
    status: 'signed-in',
  };
}

function cookiesSent(requests: readonly RecordedRequest[]): string[] {
  return requests.flatMap((request) =>
    request.headers['cookie'] === undefined ? [] : [`${request.url} ${request.headers['cookie']}`],
  );
}

describe('AccountBook: the session cookie is bound to its origin', () => {
  it('seals the origin with the cookie in the vault', async () => {
    const { book, vault } = await setUp();
    const account = await book.signIn({ name: 'reg', baseUrl: 'https://reg.test' });
    const sealed = await vault.get().reveal(sessionSecretId(account.id));
    expect(JSON.parse(sealed)).toEqual({ origin: 'https://reg.test', cookie: COOKIE });
  });

  it('refuses the cookie when the stored base URL was downgraded to http, and sends nothing', async () => {
    const { book, store, vault, requests } = await setUp();
    const account = await book.signIn({ name: 'reg', baseUrl: 'https://reg.test' });
    const before = requests.length;
    editBaseUrl(store, 'http://reg.test');
    expect(await book.clientFor(account.id)).toBeNull();
    await book.signOut(account.id);
    expect(requests.slice(before)).toEqual([]);
    expect(book.find(account.id)?.status).toBe('signed-out');
    expect(vault.get().has(sessionSecretId(account.id))).toBe(false);
  });

  it('refuses the cookie when only the scheme changed, even on this machine', async () => {
    // Loopback allows both schemes, so only the sealed origin tells them apart.
    const { book, store, requests } = await setUp();
    const account = await book.signIn({ name: 'sim', baseUrl: 'http://127.0.0.1:8888' });
    const before = requests.length;
    editBaseUrl(store, 'https://127.0.0.1:8888');
    expect(await book.clientFor(account.id)).toBeNull();
    expect(requests.slice(before)).toEqual([]);
    expect(book.find(account.id)?.status).toBe('signed-out');
  });

  it('keeps working when only the path of the base URL differs (same origin)', async () => {
    const { book, store, requests } = await setUp();
    const account = await book.signIn({ name: 'reg', baseUrl: 'https://reg.test' });
    editBaseUrl(store, 'https://reg.test/');
    const client = await book.clientFor(account.id);
    expect(client).not.toBeNull();
    await client?.me();
    expect(cookiesSent(requests).at(-1)).toBe(`https://reg.test/api/v1/me cargo_session=${COOKIE}`);
  });

  it('reads bare cookies written before origins were sealed as bound to https://host (or http on loopback)', async () => {
    for (const baseUrl of ['https://reg.test', 'http://127.0.0.1:8888']) {
      const { book, store, vault, requests } = await setUp();
      const id = `${new URL(baseUrl).host}#1`;
      store.set('accounts', [storedAccount({ name: 'reg', baseUrl }, id)]);
      await vault.get().put(sessionSecretId(id), 'session-cookie', COOKIE);
      const client = await book.clientFor(id);
      await client?.me();
      expect(cookiesSent(requests)).toEqual([`${baseUrl}/api/v1/me cargo_session=${COOKIE}`]);
    }
    // ...but not to the other scheme of a host elsewhere.
    const { book, store, vault, requests } = await setUp();
    store.set('accounts', [
      storedAccount({ name: 'reg', baseUrl: 'https://reg.test:8443' }, 'reg.test:8443#1'),
    ]);
    await vault.get().put(sessionSecretId('reg.test:8443#1'), 'session-cookie', COOKIE);
    editBaseUrl(store, 'https://reg.test:8443/');
    expect(await book.clientFor('reg.test:8443#1')).not.toBeNull();
    editBaseUrl(store, 'http://reg.test:8443');
    expect(await book.clientFor('reg.test:8443#1')).toBeNull();
    expect(requests).toEqual([]);
  });

  it('never sends a bare cookie written before the rules to plain http elsewhere', async () => {
    const { book, store, vault, requests } = await setUp();
    const id = 'reg.test#1';
    store.set('accounts', [storedAccount({ name: 'reg', baseUrl: 'http://reg.test' }, id)]);
    await vault.get().put(sessionSecretId(id), 'session-cookie', COOKIE);
    expect(await book.clientFor(id)).toBeNull();
    expect(requests).toEqual([]);
    expect(book.find(id)?.status).toBe('signed-out');
  });
});

describe('AccountBook: plain http only on this machine', () => {
  it('refuses to sign in to a plain-http registry elsewhere before opening the sign-in window', async () => {
    const { book, windows, requests } = await setUp(['registry.lan']);
    const error = await book
      .signIn({ name: 'lan', baseUrl: 'http://registry.lan' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/registry\.lan uses plain http.*https:\/\//) as unknown,
    });
    expect(windows).toEqual([]);
    expect(requests).toEqual([]);
    expect(book.list()).toEqual([]);
  });

  it('refuses a session for a plain-http registry elsewhere without sending the cookie', async () => {
    const { book, requests } = await setUp(['registry.lan']);
    await expect(
      book.addSession({ name: 'lan', baseUrl: 'http://registry.lan:8080' }, COOKIE),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(requests).toEqual([]);
  });

  it('signs in over plain http to localhost, 127.0.0.0/8 and ::1', async () => {
    const { book } = await setUp(['localhost:3000', '127.0.0.2:1', '[::1]:3000']);
    for (const baseUrl of ['http://localhost:3000', 'http://127.0.0.2:1', 'http://[::1]:3000']) {
      await expect(book.signIn({ name: 'local', baseUrl })).resolves.toMatchObject({
        status: 'signed-in',
      });
    }
    expect(book.list()).toHaveLength(3);
  });

  it('refuses a client for a stored plain-http account elsewhere, even with a sealed origin', async () => {
    const { book, store, vault, requests } = await setUp();
    const id = 'reg.test#1';
    store.set('accounts', [storedAccount({ name: 'reg', baseUrl: 'http://reg.test' }, id)]);
    await vault
      .get()
      .put(
        sessionSecretId(id),
        'session-cookie',
        JSON.stringify({ origin: 'http://reg.test', cookie: COOKIE }),
      );
    expect(await book.clientFor(id)).toBeNull();
    expect(requests).toEqual([]);
  });

  it('answers the renderer with a clear invalid-input failure', async () => {
    const windows: string[] = [];
    const core = await createCore({
      fetch: () => Promise.reject(new TypeError('no network in this test')),
      clock: systemClock,
      signInWindow: {
        signIn: (baseUrl) => {
          windows.push(baseUrl);
          return Promise.resolve(COOKIE);
        },
      },
      events: { emit: () => undefined },
      dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-book-core-')),
      store: new MemoryMetadataStore(),
      keychain: memoryKeychain(),
      clipboard: new MemoryClipboard(),
    });
    const answer = await dispatchCall(core.handlers, 'accounts:sign-in', {
      registry: { name: 'lan', baseUrl: 'http://registry.lan' },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('plain http') as unknown },
    });
    expect(windows).toEqual([]);
  });
});
