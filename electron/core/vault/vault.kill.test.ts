import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PassphraseCipher } from './passphrase-cipher';
import { CHEAP_SCRYPT } from './test-support/cheap-scrypt';
import { describeKillTest } from './test-support/kill-test';
import { readVaultHeader, Vault } from './vault';
import { VAULT_FILE_NAME } from './vault-file';

/**
 * PRODUCT.md, "Nothing lost": a vault writer SIGKILLed at random moments,
 * again and again, must leave a vault that opens, decrypts and holds either
 * the last completed write or the one in flight, never a mix or a broken file.
 */
const PASSPHRASE = 'kill test passphrase';

async function openVault(dataDir: string): Promise<Vault> {
  const header = await readVaultHeader(dataDir);
  if (header?.kind !== 'passphrase') throw new Error('vault header lost');
  return Vault.open(dataDir, await PassphraseCipher.open(header, PASSPHRASE, { idleLockMs: null }));
}

describeKillTest('vault file under SIGKILL', {
  child: join(import.meta.dirname, 'test-support/vault-writer.child.ts'),
  env: { CK_TEST_PASSPHRASE: PASSPHRASE },
  tempFilePrefix: `${VAULT_FILE_NAME}.`,
  prepare: async (dataDir) => {
    const vault = await Vault.open(
      dataDir,
      await PassphraseCipher.create(PASSPHRASE, CHEAP_SCRYPT),
    );
    await vault.put('fixed', 'session-cookie', 'cargo_session=fixed-value');
  },
  check: async (dataDir) => {
    // A temporary file left behind means the kill landed inside a write.
    const names = await readdir(dataDir);
    const midWrite = names.some((name) => name.startsWith(`${VAULT_FILE_NAME}.`));
    const reopened = await openVault(dataDir);
    const state = JSON.parse(await reopened.reveal('state')) as { generation: number };
    expect(await reopened.reveal('fixed')).toBe('cargo_session=fixed-value');
    expect(reopened.ids().sort()).toEqual(['fixed', 'state']);
    // Opening removed the killed writer's temporary file.
    expect(await readdir(dataDir)).toEqual([VAULT_FILE_NAME]);
    return { generation: state.generation, midWrite };
  },
});
