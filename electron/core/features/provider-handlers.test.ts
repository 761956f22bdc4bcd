import { mkdtempSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CRATES_IO } from '../../../shared/domain/account';
import type {
  ApprovalRequest,
  ProviderAuditEntry,
  ProviderStatus,
} from '../../../shared/domain/cargo-provider';
import { createCore, type Core } from '../core';
import { dispatchCall } from '../dispatch';
import type { ProviderConfigPort, ProviderConfigState } from '../provider/provider-config-port';
import {
  providerReplySchema,
  providerRunFile,
  providerRunFileSchema,
  type CargoAnswer,
} from '../provider/wire';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { apiTokenJson, fakeFetch, meBody } from '../test-support/fake-registry';
import { MemoryClipboard } from '../test-support/memory-clipboard';
import { instantRetry } from '../test-support/instant-retry';
import { memoryKeychain } from '../test-support/memory-keychain';
import { tokenSecretId } from '../token-secrets';

const NOW = new Date('2026-06-01T00:00:00Z');
const ACCOUNT_ID = 'crates.io#1';
const UPDATE_SECRET = 'cioUPDATEUPDATEUPDATEUPDATEUPDATEUP';
const YANK_SECRET = 'cioYANKYANKYANKYANKYANKYANKYANKYANK';
const CRATES_IO_INDEX = 'https://github.com/rust-lang/crates.io-index';

/** A config.toml that is connected once Connect cargo ran, and says when it changed. */
function fakeConfig() {
  let state: ProviderConfigState = {
    connected: false,
    configFile: '/home/kate/.cargo/config.toml',
    problem: null,
    shadowedBy: { 'crates-io': 'cargo:libsecret' },
  };
  const listeners = new Set<() => void>();
  const port: ProviderConfigPort = {
    read: () => Promise.resolve(state),
    connect: () => {
      state = { ...state, connected: true };
      return Promise.resolve(state);
    },
    disconnect: () => {
      state = { ...state, connected: false };
      return Promise.resolve(state);
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    port,
    changeOnDisk: () => {
      for (const listener of listeners) listener();
    },
  };
}

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.provider.stop()));
});

async function setUp() {
  let listFails = false;
  const { fetch } = fakeFetch({
    'crates.io /api/v1/me': { body: meBody(1, 'kate') },
    'crates.io /api/v1/me/tokens': () => ({
      status: listFails ? 503 : 200,
      body: {
        api_tokens: [
          apiTokenJson(1, {
            name: 'quill update',
            endpoint_scopes: ['publish-update'],
            crate_scopes: ['quill'],
          }),
          apiTokenJson(2, { name: 'yank all', endpoint_scopes: ['yank'] }),
        ],
      },
    }),
    'crates.io /api/v1/crates/quill/owners': { body: { users: [] } },
  });
  const events: [string, unknown][] = [];
  const config = fakeConfig();
  const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-provider-core-'));
  const store = new MemoryMetadataStore();
  const core = await createCore({
    fetch,
    clock: { now: () => NOW },
    signInWindow: { signIn: () => Promise.resolve('cookie') },
    events: { emit: (name, payload) => events.push([name, payload]) },
    dataDir,
    store,
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    providerConfig: config.port,
    providerExecutable: '/opt/cratekeeper/cratekeeper-credential-provider',
    readRetry: instantRetry(),
  });
  cores.push(core);
  await core.signIn(CRATES_IO);
  await core.vault.get().put(tokenSecretId(`${ACCOUNT_ID}/1`), 'token', UPDATE_SECRET);
  await core.vault.get().put(tokenSecretId(`${ACCOUNT_ID}/2`), 'token', YANK_SECRET);
  const answers: string[] = [];
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const result = await dispatchCall(core.handlers, name, input);
    answers.push(JSON.stringify(result));
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  /** What the provider executable does: read the run file, ask over the socket. */
  const ask = async (operation: string, name?: string, vers?: string): Promise<CargoAnswer> => {
    const runFile = providerRunFileSchema.parse(
      JSON.parse(await readFile(providerRunFile(dataDir), 'utf8')),
    );
    const request = {
      v: 1,
      registry: { 'index-url': CRATES_IO_INDEX, name: 'crates-io' },
      kind: 'get',
      operation,
      ...(name === undefined ? {} : { name }),
      ...(vers === undefined ? {} : { vers }),
    };
    const line = await new Promise<string>((resolve, reject) => {
      const socket = connect(runFile.address);
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => {
        resolve(text);
      });
      socket.on('error', reject);
      socket.write(`${JSON.stringify({ v: 1, secret: runFile.secret, request })}\n`);
    });
    return providerReplySchema.parse(JSON.parse(line)).answer;
  };
  const setListFails = (fails: boolean): void => {
    listFails = fails;
  };
  return { core, call, ask, events, answers, config, dataDir, store, setListFails };
}

const tokenOf = (answer: CargoAnswer): string | null =>
  'Ok' in answer && answer.Ok.kind === 'get' ? answer.Ok.token : null;

describe('provider handlers', () => {
  it('reports the status: config, executable, listening, each registry with its policy', async () => {
    const { core, call } = await setUp();
    const before = await call<ProviderStatus>('provider:status');
    expect(before).toEqual<ProviderStatus>({
      connected: false,
      configFile: '/home/kate/.cargo/config.toml',
      executable: '/opt/cratekeeper/cratekeeper-credential-provider',
      listening: false,
      problem: null,
      registries: [
        {
          registryName: 'crates-io',
          accountIds: [ACCOUNT_ID],
          policy: { whenNoToken: 'refuse', askBeforePublish: false },
          shadowedBy: 'cargo:libsecret',
          plaintextInCredentials: false,
        },
      ],
    });
    await core.provider.start();
    expect((await call<ProviderStatus>('provider:status')).listening).toBe(true);
  });

  it('connects and disconnects cargo through the config port, announcing each change', async () => {
    const { core, call, events, config } = await setUp();
    expect((await call<ProviderStatus>('provider:connect')).connected).toBe(true);
    expect(events.at(-1)).toMatchObject(['provider:changed', { connected: true }]);
    expect((await call<ProviderStatus>('provider:disconnect')).connected).toBe(false);
    expect(events.at(-1)).toMatchObject(['provider:changed', { connected: false }]);
    // Once started, a change on disk is announced (start announces once too).
    await core.provider.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const count = events.filter(([name]) => name === 'provider:changed').length;
    config.changeOnDisk();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.filter(([name]) => name === 'provider:changed').length).toBe(count + 1);
  });

  it('keeps a policy per registry', async () => {
    const { call, store } = await setUp();
    const status = await call<ProviderStatus>('provider:set-policy', {
      registryName: 'crates-io',
      policy: { askBeforePublish: true },
    });
    expect(status.registries[0]?.policy).toEqual({ whenNoToken: 'refuse', askBeforePublish: true });
    await call('provider:set-policy', {
      registryName: 'crates-io',
      policy: { whenNoToken: 'fall-through' },
    });
    expect(store.get('provider').policies).toEqual([
      {
        registryName: 'crates-io',
        policy: { whenNoToken: 'fall-through', askBeforePublish: true },
      },
    ]);
  });

  it('hands cargo the token per operation and crate over the socket, and audits it', async () => {
    const { core, call, ask, answers, events } = await setUp();
    await core.provider.start();
    expect(tokenOf(await ask('publish', 'quill', '1.2.0'))).toBe(UPDATE_SECRET);
    expect(tokenOf(await ask('yank', 'quill', '1.0.0'))).toBe(YANK_SECRET);
    expect(await ask('publish', 'other', '0.1.0')).toEqual({
      Err: {
        kind: 'other',
        message:
          'Cratekeeper has no token that may publish-new other on crates.io. Create one in Cratekeeper: the builder is filled in.',
      },
    });
    await call('provider:set-policy', {
      registryName: 'crates-io',
      policy: { whenNoToken: 'fall-through' },
    });
    expect(await ask('publish', 'other', '0.1.0')).toEqual({ Err: { kind: 'not-found' } });
    const { entries } = await call<{ entries: ProviderAuditEntry[] }>('provider:audit');
    expect(
      entries.map((entry) => [entry.operation, entry.crate, entry.tokenName, entry.outcome]),
    ).toEqual([
      ['publish', 'other', null, 'fell-through'],
      ['publish', 'other', null, 'refused'],
      ['yank', 'quill', 'yank all', 'allowed'],
      ['publish', 'quill', 'quill update', 'allowed'],
    ]);
    // Nothing the window hears or gets holds a secret.
    for (const text of [...answers, JSON.stringify(events)]) {
      expect(text).not.toContain(UPDATE_SECRET);
      expect(text).not.toContain(YANK_SECRET);
    }
  });

  it('uses the last known list when the registry cannot be asked, less tokens revoked elsewhere', async () => {
    const { core, call, ask, store, setListFails } = await setUp();
    await core.provider.start();
    await call('tokens:list');
    await core.settled();
    setListFails(true);
    expect(tokenOf(await ask('yank', 'quill', '1.0.0'))).toBe(YANK_SECRET);
    store.set('watch', {
      ...store.get('watch'),
      revokedElsewhere: [
        { key: `${ACCOUNT_ID}/2`, name: 'yank all', detectedAt: NOW.toISOString() },
      ],
    });
    expect(await ask('yank', 'quill', '1.0.0')).toMatchObject({ Err: { kind: 'other' } });
    // Asked afresh, the registry's list is the truth again.
    setListFails(false);
    expect(tokenOf(await ask('yank', 'quill', '1.0.0'))).toBe(YANK_SECRET);
  });

  it('waits for approval when asked to, and takes the answer from provider:approve', async () => {
    const { core, call, ask } = await setUp();
    await core.provider.start();
    await call('provider:set-policy', {
      registryName: 'crates-io',
      policy: { askBeforePublish: true },
    });
    const answer = ask('publish', 'quill', '1.2.0');
    let requests: ApprovalRequest[] = [];
    while (requests.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ({ requests } = await call<{ requests: ApprovalRequest[] }>('provider:pending-approvals'));
    }
    expect(requests[0]).toMatchObject({ operation: 'publish', crate: 'quill', version: '1.2.0' });
    await call('provider:approve', { id: requests[0]?.id, allow: true });
    expect(tokenOf(await answer)).toBe(UPDATE_SECRET);
    const again = await dispatchCall(core.handlers, 'provider:approve', {
      id: requests[0]?.id,
      allow: true,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('stops listening and removes the run file on stop', async () => {
    const { core, dataDir } = await setUp();
    await core.provider.start();
    await core.provider.stop();
    await expect(stat(providerRunFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
