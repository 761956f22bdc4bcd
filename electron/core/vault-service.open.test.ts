import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { memoryKeychain } from './test-support/memory-keychain';
import { CHEAP_SCRYPT } from './vault/test-support/cheap-scrypt';
import { VaultService } from './vault-service';

const reads = vi.hoisted(() => ({ count: 0 }));

vi.mock('./vault/vault-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./vault/vault-file')>();
  return {
    ...actual,
    readVaultFile: (path: string) => {
      reads.count += 1;
      return actual.readVaultFile(path);
    },
  };
});

function open(dataDir: string, keychain: 'usable' | 'basic_text') {
  return VaultService.open({
    dataDir,
    keychain: memoryKeychain(keychain),
    store: new MemoryMetadataStore(),
    events: { emit: () => undefined },
    scryptParams: CHEAP_SCRYPT,
  });
}

describe('VaultService.open', () => {
  it.each(['usable', 'basic_text'] as const)(
    'reads the vault file once (keychain %s)',
    async (keychain) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-vault-open-'));
      const first = await open(dataDir, keychain);
      if (keychain === 'basic_text') await first.usePassphrase('correct horse battery');
      await first.get().put('one', 'token', 'secret one');

      reads.count = 0;
      const reopened = await open(dataDir, keychain);
      expect(reads.count).toBe(1);
      expect(reopened.peek()?.ids()).toEqual(['one']);
    },
  );
});
