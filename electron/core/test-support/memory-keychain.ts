import { randomBytes } from 'node:crypto';
import type { Keychain } from '../vault-service';
import { openAesGcm, sealAesGcm } from '../vault/aes-gcm';
import type { DecryptResult, SecretCipher } from '../vault/secret-cipher';
import type { KeychainHeader } from '../vault/vault-header';

/**
 * Stands in for the OS keychain where there is none (unit tests, the browser
 * harness): a key that lives only in this process's memory, so a vault it
 * sealed cannot be read after a restart, just like a keychain that went away.
 */
export class MemoryKeychainCipher implements SecretCipher {
  readonly kind = 'os-keychain';
  readonly header: KeychainHeader = { kind: 'os-keychain' };
  private readonly key = randomBytes(32);

  encrypt(plaintext: string, binding: string): Promise<string> {
    return Promise.resolve(sealAesGcm(this.key, plaintext, binding));
  }

  decrypt(sealed: string, binding: string): Promise<DecryptResult> {
    return Promise.resolve({
      plaintext: openAesGcm(this.key, sealed, binding),
      shouldReEncrypt: false,
    });
  }
}

/** A usable keychain, or the way it looks on Linux without a keyring. */
export function memoryKeychain(kind: 'usable' | 'basic_text' = 'usable'): Keychain {
  return kind === 'usable'
    ? { cipher: new MemoryKeychainCipher(), problem: null }
    : {
        cipher: null,
        problem:
          'No supported keyring was found, so the OS keychain would only obscure your secrets. Choose a passphrase to protect them instead.',
      };
}
