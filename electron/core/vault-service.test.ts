import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchCall, type CallHandlers } from './dispatch';
import { MemoryMetadataStore } from './store/memory-metadata-store';
import { memoryKeychain } from './test-support/memory-keychain';
import { CHEAP_SCRYPT } from './vault/test-support/cheap-scrypt';
import { VaultService } from './vault-service';

async function passphraseVault(): Promise<{
  vault: VaultService;
  handlers: Partial<CallHandlers>;
}> {
  const vault = await VaultService.open({
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-vault-service-')),
    keychain: memoryKeychain('basic_text'),
    store: new MemoryMetadataStore(),
    events: { emit: () => undefined },
    scryptParams: CHEAP_SCRYPT,
  });
  const handlers: Partial<CallHandlers> = {
    'vault:use-passphrase': ({ passphrase }) => vault.usePassphrase(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
  };
  return { vault, handlers };
}

describe('VaultService state changes', () => {
  it('lets only one of two passphrases chosen at once win, and that one opens the vault', async () => {
    const { vault, handlers } = await passphraseVault();
    const quiet = { error: () => undefined };
    const [first, second] = await Promise.all([
      dispatchCall(
        handlers as CallHandlers,
        'vault:use-passphrase',
        { passphrase: 'first correct horse' },
        quiet,
      ),
      dispatchCall(
        handlers as CallHandlers,
        'vault:use-passphrase',
        { passphrase: 'second battery staple' },
        quiet,
      ),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('already has a passphrase') as unknown,
      },
    });
    vault.lock();
    const wrong = await dispatchCall(
      handlers as CallHandlers,
      'vault:unlock',
      { passphrase: 'second battery staple' },
      quiet,
    );
    expect(wrong.ok).toBe(false);
    const right = await dispatchCall(
      handlers as CallHandlers,
      'vault:unlock',
      { passphrase: 'first correct horse' },
      quiet,
    );
    expect(right).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('a lock given while an unlock is running wins', async () => {
    const { vault } = await passphraseVault();
    await vault.usePassphrase('a good long passphrase');
    vault.lock();
    const unlocking = vault.unlock('a good long passphrase');
    vault.lock();
    await unlocking;
    expect(vault.status().state).toBe('locked');
  });
});
