import { randomBytes } from 'node:crypto';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import { systemClock } from '../../electron/core/ports';
import { ConfMetadataStore } from '../../electron/core/store/conf-metadata-store';
import {
  importedTokensFilePath,
  writeImportedTokensFile,
} from '../../electron/core/store/imported-token-file';
import type { ImportedToken } from '../../electron/core/store/metadata';
import { MemoryClipboard } from '../../electron/core/test-support/memory-clipboard';
import { MemoryKeychainCipher } from '../../electron/core/test-support/memory-keychain';
import { TokenCache } from '../../electron/core/token-cache';
import { tokenSecretId } from '../../electron/core/token-secrets';
import type { Keychain } from '../../electron/core/vault-service';
import { VAULT_FORMAT, vaultFilePath, writeVaultFile } from '../../electron/core/vault/vault-file';
import type { ApiTokenWire } from '../../shared/domain/api-token';
import { importedTokenKeyOf } from '../../shared/domain/token';
import { signInOverHttp } from '../simulator/sign-in-client';

/** As the harness: the flow is measured, not the cost of a real key derivation. */
const BENCH_SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1 };

export interface BenchCore {
  readonly core: Core;
  readonly dataDir: string;
  /** Signs the core in to the simulator as each of these seeded users, one after another. */
  signIn(simulatorUrl: string, logins: readonly string[]): Promise<void>;
}

/** A fresh temporary folder, optionally a copy of `template`. */
export async function freshDataDir(template?: string): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ck-core-bench-'));
  if (template) await cp(template, dataDir, { recursive: true });
  return dataDir;
}

/**
 * The real core as the harness builds it (conf metadata store, an in-memory
 * keychain, cheap scrypt), on `dataDir`. Pass the same keychain again to
 * reopen a vault this process sealed.
 */
export async function openBenchCore(
  dataDir: string,
  keychain: Keychain = { cipher: new MemoryKeychainCipher(), problem: null },
): Promise<BenchCore> {
  let nextLogin: string | undefined;
  const core = await createCore({
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    signInWindow: { signIn: (baseUrl) => signInOverHttp(baseUrl, nextLogin) },
    events: { emit: () => undefined },
    dataDir,
    store: ConfMetadataStore.open(dataDir),
    keychain,
    clipboard: new MemoryClipboard(),
    scryptParams: BENCH_SCRYPT_PARAMS,
  });
  return {
    core,
    dataDir,
    signIn: async (simulatorUrl, logins) => {
      for (const login of logins) {
        nextLogin = login;
        await core.signIn({ name: 'sim', baseUrl: simulatorUrl });
      }
      nextLogin = undefined;
    },
  };
}

/** A crates.io-shaped token (`cio` + 32 alphanumerics), different for every `n`. */
export function fakeCratesIoToken(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(32);
  const random = [...bytes].map((byte) => alphabet[byte % alphabet.length] ?? 'A').join('');
  return `cio${`${n}`.padStart(6, '0')}${random.slice(6)}`;
}

/** What the import call gets for the n-th token of a run. */
export function importInput(n: number): {
  registryName: string;
  name: string;
  token: string;
  expiresAt: string | null;
} {
  const expiresAt = n % 3 === 0 ? null : new Date(Date.now() + ((n % 400) + 1) * 86_400_000);
  return {
    registryName: 'crates-io',
    name: `imported token ${n}`,
    token: fakeCratesIoToken(n),
    expiresAt: expiresAt === null ? null : expiresAt.toISOString(),
  };
}

/**
 * A data folder as a core leaves it after `count` imports, written directly
 * (the benchmark measures importing separately): the vault sealed with a
 * throw-away keychain key, the imported tokens in their file, the metadata
 * store's file, and optionally a last known token list per account.
 */
export async function writeImportedFixture(
  dataDir: string,
  count: number,
  cachedLists: readonly { accountId: string; tokens: readonly ApiTokenWire[] }[] = [],
): Promise<void> {
  const cipher = new MemoryKeychainCipher();
  const now = new Date();
  const tokens: ImportedToken[] = [];
  const records = [];
  for (let n = 0; n < count; n += 1) {
    const input = importInput(n);
    const record: ImportedToken = {
      id: `bench-${n}`,
      registryName: input.registryName,
      name: input.name,
      expiresAt: input.expiresAt,
      importedAt: now.toISOString(),
    };
    tokens.push(record);
    const id = tokenSecretId(importedTokenKeyOf(record.id));
    records.push({
      id,
      kind: 'token' as const,
      sealed: await cipher.encrypt(input.token, JSON.stringify(['token', id])),
    });
  }
  await writeVaultFile(vaultFilePath(dataDir), {
    format: VAULT_FORMAT,
    version: 1,
    cipher: cipher.header,
    records,
  });
  await writeImportedTokensFile(importedTokensFilePath(dataDir), tokens);
  // A core leaves its metadata file too: without it, the cold start measured
  // would be a first run's (creating, migrating and fsyncing the store).
  ConfMetadataStore.open(dataDir);
  if (cachedLists.length === 0) return;
  const cache = await TokenCache.open(dataDir);
  for (const list of cachedLists) await cache.remember(list.accountId, list.tokens, undefined, now);
  await cache.settled();
}
