import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ImportedTokens } from './imported-tokens';
import type { Metadata, MetadataKey } from './store/metadata';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { memoryKeychain } from './test-support/memory-keychain';
import { tokenSecretId } from './token-secrets';
import type { Keychain } from './vault-service';
import { VaultService } from './vault-service';

const writes = vi.hoisted(() => ({ vault: 0 }));

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

/** Counts the writes of the metadata store. */
class CountingStore extends MemoryMetadataStore {
  sets = 0;
  override set<K extends MetadataKey>(key: K, value: Metadata[K]): void {
    this.sets += 1;
    super.set(key, value);
  }
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
    const imported = new ImportedTokens(store, vault);
    writes.vault = 0;
    const views = await Promise.all(
      Array.from({ length: 5000 }, (_, n) =>
        imported.add(
          { registryName: 'crates-io', name: `token ${n}`, token: tokenOf(n), expiresAt: null },
          T0,
        ),
      ),
    );
    expect(writes.vault).toBeLessThanOrEqual(2);
    expect(store.sets).toBeLessThanOrEqual(2);
    expect(views.every((view) => view.secretHeld)).toBe(true);

    const reopened = (await openVault(dataDir, keychain, store)).get();
    expect(store.get('importedTokens')).toHaveLength(5000);
    for (const [n, view] of views.entries()) {
      expect(await reopened.reveal(tokenSecretId(view.key))).toBe(tokenOf(n));
    }
  });

  it('one import after another: each is written before it resolves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-imports-'));
    const keychain = memoryKeychain('usable');
    const store = new CountingStore();
    const imported = new ImportedTokens(store, await openVault(dataDir, keychain, store));
    writes.vault = 0;
    for (let n = 0; n < 3; n += 1) {
      const input = {
        registryName: 'crates-io',
        name: `t${n}`,
        token: tokenOf(n),
        expiresAt: null,
      };
      await imported.add(input, T0);
      expect(writes.vault).toBe(n + 1);
      expect(store.sets).toBe(n + 1);
    }
  });
});
