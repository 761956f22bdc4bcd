import type { CallHandlers } from '../dispatch';
import type { VaultService } from '../vault-service';

export type VaultHandlers = Pick<
  CallHandlers,
  'vault:status' | 'vault:use-passphrase' | 'vault:unlock' | 'vault:lock'
>;

/** How secrets are protected: status, passphrase, unlock and lock. */
export function vaultHandlers(vault: VaultService): VaultHandlers {
  return {
    'vault:status': () => Promise.resolve(vault.status()),
    'vault:use-passphrase': ({ passphrase }) => vault.usePassphrase(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:lock': () => Promise.resolve(vault.lock()),
  };
}
