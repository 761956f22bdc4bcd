import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { VaultStatus } from '../../shared/domain/vault';
import { ActionError } from './action-error';
import type { EventSink } from './ports';
import type { MetadataStore } from './store/metadata-store';
import { PassphraseCipher } from './vault/passphrase-cipher';
import { VaultLockedError, type SecretCipher } from './vault/secret-cipher';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './vault/vault-header';
import { Vault } from './vault/vault';
import { readVaultFile, vaultFilePath } from './vault/vault-file';

/** No cipher yet: the keychain is missing or weak and no passphrase was chosen. */
export class VaultNeedsPassphraseError extends Error {
  constructor() {
    super('Choose a passphrase first: there is no OS keychain to protect your secrets.');
    this.name = 'VaultNeedsPassphraseError';
  }
}

/** The OS keychain as the composition root found it (Electron's safeStorage, or a fake). */
export interface Keychain {
  /** A cipher backed by the OS keychain, or null when there is no usable one. */
  readonly cipher: SecretCipher | null;
  /** Why it is not used, in words for the user; null when it is fine. */
  readonly problem: string | null;
}

export interface VaultServiceOptions {
  readonly dataDir: string;
  readonly keychain: Keychain;
  readonly store: MetadataStore;
  readonly events: EventSink;
  /** Cheaper scrypt settings for tests; the default is the real cost. */
  readonly scryptParams?: ScryptParams;
}

/**
 * Owns the vault's life: which cipher seals it (OS keychain, or a passphrase
 * when the keychain is missing or only `basic_text`), locking and unlocking,
 * and telling the UI. Until a cipher is chosen nothing can be stored, so no
 * secret is ever kept weakly by default.
 */
export class VaultService {
  private vault: Vault | null = null;
  private passphraseCipher: PassphraseCipher | null = null;
  private readonly listeners = new Set<(status: VaultStatus) => void>();
  /**
   * State changes (choosing a passphrase, unlocking) run one after another:
   * two passphrases chosen at once would each re-seal the vault and both
   * answer ok, though only the last one then opens it.
   */
  private changes: Promise<unknown> = Promise.resolve();
  /** Counts lock(): an unlock asked for before a lock must not undo it. */
  private locks = 0;

  private constructor(private readonly options: VaultServiceOptions) {}

  static async open(options: VaultServiceOptions): Promise<VaultService> {
    const service = new VaultService(options);
    // Read once: the header says which cipher to use, the records are the vault's.
    const read = { document: await readVaultFile(vaultFilePath(options.dataDir)) };
    const header = read.document?.cipher;
    if (header?.kind === 'passphrase') {
      // Opening needs no key: the file's header is compared, nothing decrypted.
      const cipher = PassphraseCipher.locked(header, service.cipherOptions());
      service.vault = await Vault.open(options.dataDir, cipher, read);
      service.adoptPassphraseCipher(cipher);
    } else if (options.keychain.cipher) {
      service.vault = await Vault.open(options.dataDir, options.keychain.cipher, read);
    }
    return service;
  }

  status(): VaultStatus {
    const idleLockMinutes = this.options.store.get('settings').vaultIdleLockMinutes;
    const keychainProblem = this.options.keychain.problem;
    if (this.passphraseCipher) {
      return {
        cipher: 'passphrase',
        state: this.passphraseCipher.isLocked() ? 'locked' : 'ready',
        keychainProblem,
        idleLockMinutes,
      };
    }
    if (this.vault)
      return { cipher: 'os-keychain', state: 'ready', keychainProblem, idleLockMinutes };
    return { cipher: null, state: 'needs-passphrase', keychainProblem, idleLockMinutes };
  }

  /** The vault for reading and writing secrets; throws VaultLockedError while it cannot be used. */
  get(): Vault {
    if (!this.vault) throw new VaultNeedsPassphraseError();
    if (this.passphraseCipher?.isLocked()) throw new VaultLockedError();
    return this.vault;
  }

  /** The vault for bookkeeping that needs no decryption (which ids exist), or null. */
  peek(): Vault | null {
    return this.vault;
  }

  /** Protects the vault with a passphrase: a new vault, or the keychain one re-sealed. */
  usePassphrase(passphrase: string): Promise<VaultStatus> {
    return this.oneAtATime(() => this.adoptPassphrase(passphrase));
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    const locksBefore = this.locks;
    return this.oneAtATime(async () => {
      // A lock asked for after this unlock wins, even while the unlock waited its turn.
      if (!this.passphraseCipher || this.locks !== locksBefore) return this.status();
      await this.passphraseCipher.unlock(passphrase);
      return this.status();
    });
  }

  /**
   * Immediate, never queued: a lock must not wait behind an unlock. The
   * cipher itself refuses the key of an unlock that started before it.
   */
  lock(): VaultStatus {
    this.locks += 1;
    this.passphraseCipher?.lock();
    return this.status();
  }

  /** Calls `listener` after every change of state (lock, unlock, passphrase chosen). */
  onChange(listener: (status: VaultStatus) => void): void {
    this.listeners.add(listener);
  }

  private async adoptPassphrase(passphrase: string): Promise<VaultStatus> {
    if (this.passphraseCipher) {
      throw new ActionError(
        'invalid-input',
        'The vault already has a passphrase: unlock it with that one.',
      );
    }
    const cipher = await PassphraseCipher.create(
      passphrase,
      this.options.scryptParams ?? DEFAULT_SCRYPT_PARAMS,
      this.cipherOptions(),
    );
    if (this.vault) {
      await this.vault.rekey(cipher);
    } else {
      await this.setAsideUnreadableVault();
      this.vault = await Vault.open(this.options.dataDir, cipher);
    }
    this.adoptPassphraseCipher(cipher);
    this.changed();
    return this.status();
  }

  private oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changes.then(change);
    this.changes = run.catch(() => undefined);
    return run;
  }

  private adoptPassphraseCipher(cipher: PassphraseCipher): void {
    this.passphraseCipher = cipher;
    cipher.onLockChange(() => {
      this.changed();
    });
  }

  /**
   * A vault sealed by an OS keychain that is no longer usable cannot be read;
   * it is kept beside the new one (never deleted) in case the keychain returns.
   */
  private async setAsideUnreadableVault(): Promise<void> {
    const path = vaultFilePath(this.options.dataDir);
    if (!existsSync(path)) return;
    await rename(path, `${path}.unreadable-${Date.now()}`);
  }

  private cipherOptions(): { idleLockMs: number } {
    return { idleLockMs: this.options.store.get('settings').vaultIdleLockMinutes * 60_000 };
  }

  private changed(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
    this.options.events.emit('vault:changed', status);
  }
}
