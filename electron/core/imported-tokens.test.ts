import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ImportedTokens, loadImportedTokens } from './imported-tokens';
import {
  importedTokensFilePath,
  readImportedTokensFile,
  writeImportedTokensFile,
} from './store/imported-token-file';
import type { Metadata, MetadataKey } from './store/metadata';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { memoryKeychain } from './test-support/memory-keychain';
import { tokenSecretId } from './token-secrets';
import type { Keychain } from './vault-service';
import { VaultService } from './vault-service';

const writes = vi.hoisted(() => ({ vault: 0, imported: 0 }));

vi.mock('./vault/vault-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./vault/vault-file')>();
  return {
    ...actual,
    writeVaultFile: (...args: Parameters<typeof actual.writeVaultFile>) => {
      writes.vault += 1;
      return actual.writeVaultFile(...args);
    },
  };
});

vi.mock('./store/imported-token-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./store/imported-token-file')>();
  return {
    ...actual,
    writeImportedTokensFile: (...args: Parameters<typeof actual.writeImportedTokensFile>) => {
      writes.imported += 1;
      return actual.writeImportedTokensFile(...args);
    },
  };
});

/** Counts the writes of the metadata store. */
class CountingStore extends MemoryMetadataStore {
  sets = 0;
  override set<K extends MetadataKey>(key: K, value: Metadata[K]): void {
    this.sets += 1;
    super.set(key, value);
  }
}

async function openImported(dataDir: string, store: CountingStore, vault: VaultService) {
  return new ImportedTokens(dataDir, await loadImportedTokens(dataDir, store), vault);
}

const T0 = new Date('2026-06-01T00:00:00Z');
const tokenOf = (n: number) => `cio${String(n).padStart(32, '0')}`;

async function openVault(dataDir: string, keychain: Keychain, store: CountingStore) {
  return VaultService.open({ dataDir, keychain, store, events: { emit: () => undefined } });
}

describe('ImportedTokens', () => {
  it('5,000 imports at once: a few writes, every secret there after reopening', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-imports-'));
    const keychain = memoryKeychain('usable');
    const store = new CountingStore();
    const vault = await openVault(dataDir, keychain, store);
    const imported = await openImported(dataDir, store, vault);
    writes.vault = 0;
    writes.imported = 0;
    const views = await Promise.all(
      Array.from({ length: 5000 }, (_, n) =>
        imported.add(
          { registryName: 'crates-io', name: `token ${n}`, token: tokenOf(n), expiresAt: null },
          T0,
        ),
      ),
    );
    expect(writes.vault).toBeLessThanOrEqual(2);
    expect(writes.imported).toBeLessThanOrEqual(2);
    expect(store.sets).toBe(0);
    expect(views.every((view) => view.secretHeld)).toBe(true);

    const reopenedVault = await openVault(dataDir, keychain, store);
    const reopened = reopenedVault.get();
    const listed = (await openImported(dataDir, store, reopenedVault)).views(T0);
    expect(listed.map((view) => view.key).sort()).toEqual(views.map((view) => view.key).sort());
    for (const [n, view] of views.entries()) {
      expect(await reopened.reveal(tokenSecretId(view.key))).toBe(tokenOf(n));
    }
  });

  it('one import after another: each is written before it resolves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-imports-'));
    const keychain = memoryKeychain('usable');
    const store = new CountingStore();
    const imported = await openImported(dataDir, store, await openVault(dataDir, keychain, store));
    writes.vault = 0;
    writes.imported = 0;
    for (let n = 0; n < 3; n += 1) {
      const input = {
        registryName: 'crates-io',
        name: `t${n}`,
        token: tokenOf(n),
        expiresAt: null,
      };
      await imported.add(input, T0);
      expect(writes.vault).toBe(n + 1);
      expect(writes.imported).toBe(n + 1);
    }
  });

  it('listing them again and again writes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-imports-'));
    const store = new CountingStore();
    const vault = await openVault(dataDir, memoryKeychain('usable'), store);
    const imported = await openImported(dataDir, store, vault);
    const input = { registryName: 'crates-io', name: 'one', token: tokenOf(1), expiresAt: null };
    await imported.add(input, T0);
    writes.vault = 0;
    writes.imported = 0;
    for (let refresh = 0; refresh < 5; refresh += 1) expect(imported.views(T0)).toHaveLength(1);
    expect(writes).toEqual({ vault: 0, imported: 0 });
    expect(store.sets).toBe(0);
  });

  it('moves the tokens an earlier version kept in the metadata store into their file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-imports-'));
    const store = new CountingStore();
    const legacy = {
      id: 'old-1',
      registryName: 'crates-io',
      name: 'kept by 0.2',
      expiresAt: null,
      importedAt: T0.toISOString(),
    };
    store.set('importedTokens', [legacy]);
    const vault = await openVault(dataDir, memoryKeychain('usable'), store);

    expect(await loadImportedTokens(dataDir, store)).toEqual([legacy]);
    expect(store.get('importedTokens')).toEqual([]);
    expect(await readImportedTokensFile(importedTokensFilePath(dataDir))).toEqual([legacy]);
    expect((await openImported(dataDir, store, vault)).views(T0)).toHaveLength(1);
  });

  it('merges by id when a kill left them in both places', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-imports-'));
    const store = new CountingStore();
    const token = (id: string) => ({
      id,
      registryName: 'crates-io',
      name: id,
      expiresAt: null,
      importedAt: T0.toISOString(),
    });
    await writeImportedTokensFile(importedTokensFilePath(dataDir), [token('a'), token('b')]);
    store.set('importedTokens', [token('b'), token('c')]);

    const loaded = await loadImportedTokens(dataDir, store);
    expect(loaded.map((each) => each.id)).toEqual(['a', 'b', 'c']);
    expect(store.get('importedTokens')).toEqual([]);
  });
});
