import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../shared/ipc/contract';
import { FAILURE_CODES } from '../../shared/ipc/result';
import { createCore, type Core } from './core';
import { dispatchCall } from './dispatch';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { apiTokenJson, meBody } from './test-support/fake-registry';
import { CHEAP_SCRYPT } from './vault/test-support/cheap-scrypt';
import { instantRetry } from './test-support/instant-retry';
import { MemoryClipboard } from './test-support/memory-clipboard';
import { memoryKeychain } from './test-support/memory-keychain';

const SESSION_COOKIE = 'fuzz-session-cookie-0123456789';
const IMPORTED_SECRET = `cio${'F'.repeat(32)}`;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
/** Made once: ten million characters, as a hostile renderer could send. */
const HUGE = 'x'.repeat(10 * 1024 * 1024);

/**
 * A well-formed input for every call, which the fuzzer then breaks one field
 * at a time. Typed by the contract's names, so a new call without a sample
 * does not compile.
 */
const SAMPLES: Record<CallName, Record<string, unknown>> = {
  'accounts:list': {},
  'tokens:list': { expiredDays: 30 },
  'accounts:sign-in': { registry: { name: 'corp', baseUrl: 'https://corp.test' } },
  'accounts:sign-out': { accountId: 'one.test#1' },
  'accounts:remove': { accountId: 'one.test#1' },
  'vault:status': {},
  'vault:use-passphrase': { passphrase: 'a long enough passphrase' },
  'vault:unlock': { passphrase: 'a long enough passphrase' },
  'vault:lock': {},
  'tokens:import': {
    registryName: 'crates-io',
    name: 'ci',
    token: `cio${'a'.repeat(32)}`,
    expiresAt: null,
  },
  'tokens:reveal': { key: 'one.test#1/7' },
  'tokens:copy': { key: 'one.test#1/7' },
  'tokens:create': {
    accountId: 'one.test#1',
    name: 'release',
    endpointScopes: ['publish-update'],
    cratePatterns: ['quill'],
    expiresAt: null,
  },
  'tokens:revoke': { key: 'one.test#1/7' },
  'tokens:rotate': { key: 'one.test#1/7', expiresAt: null },
  'accounts:crates': { accountId: 'one.test#1' },
  'settings:get': {},
  'settings:update': { patch: { warningDays: [10, 2], notificationsEnabled: false } },
  'watch:attention': {},
  'watch:attention-keys': {},
  'watch:refresh-now': {},
  'tokens:forget': { key: 'imported/abc' },
  'cargo:status': {},
  'cargo:plan': { key: 'one.test#1/7' },
  'cargo:write': { key: 'one.test#1/7' },
  'cargo:remove': { registry: 'crates-io' },
  'cargo:import': { registry: 'crates-io' },
  'provider:status': {},
  'provider:connect': {},
  'provider:disconnect': {},
  'provider:set-policy': { registryName: 'crates-io', policy: { whenNoToken: 'fall-through' } },
  'provider:audit': {},
  'provider:pending-approvals': {},
  'provider:approve': { id: 'approval-1', allow: false },
  'crates:overview': {},
  'crates:add-github-config': {
    accountId: 'one.test#1',
    crate: 'quill',
    repositoryOwner: 'ferris',
    repositoryName: 'quill',
    workflowFilename: 'publish.yml',
    environment: null,
  },
  'crates:add-gitlab-config': {
    accountId: 'one.test#1',
    crate: 'quill',
    namespace: 'ferris',
    project: 'quill',
    workflowFilepath: '.gitlab-ci.yml',
    environment: null,
  },
  'crates:delete-config': { accountId: 'one.test#1', provider: 'github', id: 1 },
  'crates:set-trustpub-only': { accountId: 'one.test#1', crate: 'quill', trustpubOnly: false },
  'crates:retire-tokens': { keys: ['one.test#1/7'] },
};

/** Values no field of the contract should choke on. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    maxDepth: 3,
  }),
  fc.constantFrom(
    HUGE,
    '',
    '__proto__',
    '\u0000',
    '\uD800',
    '👩‍👩‍👧‍👦'.repeat(100),
    '../../../etc/passwd',
    'x]\n[registry]\ntoken = "stolen"',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** Keys that pollute prototypes when code copies objects naively. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString');

/**
 * An input for `name`: something of the wrong type entirely, the sample with
 * one field replaced, or the sample with an extra hostile key made an own
 * property (as JSON.parse does with "__proto__" from the wire).
 */
function hostileInput(name: CallName): fc.Arbitrary<unknown> {
  const sample = SAMPLES[name];
  const keys = Object.keys(sample);
  const replaced =
    keys.length === 0
      ? hostileValue
      : fc
          .tuple(fc.constantFrom(...keys), hostileValue)
          .map(([key, value]) => ({ ...sample, [key]: value }));
  const polluted = fc.tuple(hostileKey, hostileValue).map(([key, value]) => {
    const input: Record<string, unknown> = JSON.parse(JSON.stringify(sample)) as Record<
      string,
      unknown
    >;
    Object.defineProperty(input, key, { value, enumerable: true, writable: true });
    return input;
  });
  return fc.oneof(hostileValue, replaced, polluted);
}

/**
 * A signed-in core with an imported token and a registry token whose secret
 * is held; the registry then goes down, so nothing a fuzzed call does can be
 * blamed on it answering.
 */
async function fuzzCore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-fuzz-'));
  let registryUp = true;
  const store = new MemoryMetadataStore();
  const clipboard = new MemoryClipboard();
  const core: Core = await createCore({
    fetch: (input) => {
      const url = new URL(input);
      if (!registryUp) return Promise.resolve(new Response('down', { status: 503 }));
      if (url.pathname === '/api/v1/me') {
        return Promise.resolve(Response.json(meBody(1, 'kate', ['quill'])));
      }
      if (url.pathname === '/api/v1/me/tokens') {
        return Promise.resolve(Response.json({ api_tokens: [apiTokenJson(7)] }));
      }
      return Promise.resolve(new Response('{}', { status: 404 }));
    },
    clock: { now: () => new Date('2026-06-01T00:00:00Z') },
    signInWindow: { signIn: () => Promise.resolve(SESSION_COOKIE) },
    events: { emit: () => undefined },
    dataDir,
    store,
    keychain: memoryKeychain(),
    clipboard,
    readRetry: instantRetry(),
    // The property is about input checks; the vault's real key derivation (N = 2^17) made each
    // well-formed unlock attempt cost seconds on a loaded machine.
    scryptParams: CHEAP_SCRYPT,
  });
  await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
  await core.handlers['tokens:import']({
    registryName: 'crates-io',
    name: 'held',
    token: IMPORTED_SECRET,
    expiresAt: null,
  });
  await core.handlers['tokens:list']({});
  registryUp = false;

  /** Everything a call could change: metadata, the vault, every file, the clipboard. */
  const snapshot = async (): Promise<string> => {
    // Folders too (Connect cargo writes the isolated CARGO_HOME's config.toml): every file in them.
    const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => statSync(join(dataDir, file)).isFile())
      .sort()
      .map((file) => {
        const bytes = readFileSync(join(dataDir, file));
        return `${file}:${createHash('sha256').update(bytes).digest('hex')}`;
      });
    return JSON.stringify({
      accounts: store.get('accounts'),
      imported: store.get('importedTokens'),
      settings: store.get('settings'),
      vault: core.vault.status(),
      secrets: core.vault.peek()?.ids('token'),
      files,
      clipboard: await clipboard.readText(),
    });
  };
  return { core, snapshot };
}

describe('every contract call under hostile input', () => {
  it('answers with a structured result, never throws, and changes nothing when it refuses', async () => {
    const { core, snapshot } = await fuzzCore();
    const quiet = { error: () => undefined };
    for (const name of CALL_NAMES) {
      await fc.assert(
        fc.asyncProperty(hostileInput(name), async (input) => {
          const before = await snapshot();
          const result = await dispatchCall(core.handlers, name, input, quiet);
          const text = JSON.stringify(result);
          // A refusal quotes nothing back: no 10 MB echo, no secret.
          expect(text.length).toBeLessThan(2_000);
          expect(text).not.toContain(SESSION_COOKIE);
          if (name !== 'tokens:reveal') expect(text).not.toContain(IMPORTED_SECRET);
          if (result.ok) return;
          expect(FAILURE_CODES).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
          expect(await snapshot()).toBe(before);
        }),
        // Fixed and small for CI; FUZZ_RUNS=2000 FUZZ_SEED=… explores further by hand.
        { numRuns: RUNS, seed: SEED },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
