import type { CipherHeader } from './vault-header';

/**
 * What every cipher of the vault implements: the OS keychain (Electron's
 * safeStorage, in the shell) or a passphrase-derived key (in the core).
 *
 * `binding` names the slot a ciphertext belongs to. Each cipher binds it to the
 * ciphertext (as AES-GCM associated data, or inside the OS-encrypted envelope),
 * so a sealed secret copied into another slot of the vault file is refused
 * with TamperedSecretError instead of being handed out under the wrong name
 * (PRODUCT.md, "Quality bars": a session cookie goes only to its own registry).
 */
export interface SecretCipher {
  readonly kind: CipherHeader['kind'];
  /** What the vault file records about this cipher, so it can be opened again. */
  readonly header: CipherHeader;
  encrypt(plaintext: string, binding: string): Promise<string>;
  /**
   * `shouldReEncrypt`: the secret is fine but was sealed under an older key or
   * format; the vault seals it again and saves.
   */
  decrypt(sealed: string, binding: string): Promise<DecryptResult>;
}

export interface DecryptResult {
  readonly plaintext: string;
  readonly shouldReEncrypt: boolean;
}

/** The passphrase vault is locked (never unlocked, locked by hand, or idle too long). */
export class VaultLockedError extends Error {
  constructor() {
    super('The vault is locked. Enter your passphrase to unlock it.');
    this.name = 'VaultLockedError';
  }
}

/** The passphrase does not open this vault. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase does not unlock the vault.');
    this.name = 'WrongPassphraseError';
  }
}

/**
 * A sealed secret failed authentication: its bytes were changed, it was moved
 * to another record, or it is not in a format this cipher wrote. The message
 * names the record, never any content.
 */
export class TamperedSecretError extends Error {
  constructor(
    /** The record (or cipher binding) whose secret was refused. */
    readonly record: string,
    readonly reason: string,
  ) {
    super(`The stored secret for ${record} cannot be trusted: ${reason}.`);
    this.name = 'TamperedSecretError';
  }
}

/** The OS keychain refused or failed to encrypt or decrypt. */
export class KeychainUnavailableError extends Error {
  constructor(operation: 'encrypt' | 'decrypt', options?: ErrorOptions) {
    super(`The OS keychain could not ${operation} the secret.`, options);
    this.name = 'KeychainUnavailableError';
  }
}
