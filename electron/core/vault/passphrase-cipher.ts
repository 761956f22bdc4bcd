import { randomBytes, timingSafeEqual } from 'node:crypto';
import { systemClock, type Clock } from '../ports';
import { openAesGcm, SealRejectedError, sealAesGcm } from './aes-gcm';
import { IdleLock, systemIdleTimers, type IdleTimers } from './idle-lock';
import { deriveVaultKey } from './scrypt-kdf';
import {
  TamperedSecretError,
  VaultLockedError,
  WrongPassphraseError,
  type DecryptResult,
  type SecretCipher,
} from './secret-cipher';
import {
  DEFAULT_SCRYPT_PARAMS,
  passphraseHeaderSchema,
  type PassphraseHeader,
  type ScryptParams,
} from './vault-header';

/**
 * The cipher for machines without a real OS keychain (PRODUCT.md, "Quality
 * bars": no basic_text fallback): a key derived from the user's passphrase with
 * scrypt, AES-256-GCM per record. Only the derived key is held, never the
 * passphrase, and only while unlocked.
 */

const SALT_BYTES = 32;
const VERIFIER_PLAINTEXT = 'cratekeeper vault verifier v1';
// Distinct prefixes keep a record's associated data from ever equalling the verifier's.
const VERIFIER_AAD = 'cratekeeper:v1:verifier';
const recordAad = (binding: string): string => `cratekeeper:v1:record:${binding}`;

/** Fifteen minutes without a use locks the vault unless the settings say otherwise. */
export const DEFAULT_IDLE_LOCK_MS = 15 * 60 * 1000;

export interface PassphraseCipherOptions {
  /** Lock after this long without an encrypt, decrypt or unlock; null = never. */
  readonly idleLockMs?: number | null;
  readonly clock?: Clock;
  readonly timers?: IdleTimers;
}

/** Creates the header of a new passphrase vault: fresh salt, the given cost, a verifier. */
export async function createPassphraseVault(
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<PassphraseHeader> {
  const { header, key } = await newVault(passphrase, params);
  key.fill(0);
  return header;
}

async function newVault(
  passphrase: string,
  params: ScryptParams,
): Promise<{ header: PassphraseHeader; key: Buffer }> {
  if (passphrase.length === 0) throw new RangeError('The passphrase must not be empty.');
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveVaultKey(passphrase, salt, params);
  const header: PassphraseHeader = {
    kind: 'passphrase',
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64url') },
    verifier: sealAesGcm(key, VERIFIER_PLAINTEXT, VERIFIER_AAD),
  };
  return { header: passphraseHeaderSchema.parse(header), key };
}

export class PassphraseCipher implements SecretCipher {
  readonly kind = 'passphrase';
  readonly header: PassphraseHeader;
  private key: Buffer | null = null;
  /** Bumped by lock(): an unlock that started before it must not install its key. */
  private epoch = 0;
  private readonly idle: IdleLock;
  private readonly listeners = new Set<(locked: boolean) => void>();

  private constructor(header: PassphraseHeader, options: PassphraseCipherOptions) {
    this.header = passphraseHeaderSchema.parse(header);
    this.idle = new IdleLock(
      () => {
        this.lock();
      },
      options.idleLockMs === undefined ? DEFAULT_IDLE_LOCK_MS : options.idleLockMs,
      options.clock ?? systemClock,
      options.timers ?? systemIdleTimers,
    );
  }

  /** A new vault, unlocked: the key derived for the header is kept (no second derivation). */
  static async create(
    passphrase: string,
    params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
    options: PassphraseCipherOptions = {},
  ): Promise<PassphraseCipher> {
    const { header, key } = await newVault(passphrase, params);
    const cipher = new PassphraseCipher(header, options);
    cipher.install(key);
    return cipher;
  }

  /** Opens an existing vault's header; throws WrongPassphraseError for a wrong passphrase. */
  static async open(
    header: PassphraseHeader,
    passphrase: string,
    options: PassphraseCipherOptions = {},
  ): Promise<PassphraseCipher> {
    const cipher = PassphraseCipher.locked(header, options);
    await cipher.unlock(passphrase);
    return cipher;
  }

  /** For a vault whose passphrase is asked later (the app starts locked). */
  static locked(header: PassphraseHeader, options: PassphraseCipherOptions = {}): PassphraseCipher {
    return new PassphraseCipher(header, options);
  }

  isLocked(): boolean {
    return this.key === null;
  }

  async unlock(passphrase: string): Promise<void> {
    const epoch = this.epoch;
    const { salt, N, r, p } = this.header.kdf;
    const key = await deriveVaultKey(passphrase, Buffer.from(salt, 'base64url'), { N, r, p });
    if (!verifies(key, this.header.verifier)) {
      key.fill(0);
      throw new WrongPassphraseError();
    }
    if (epoch !== this.epoch) {
      key.fill(0);
      throw new VaultLockedError();
    }
    this.install(key);
  }

  /** Wipes the key. Safe to call when already locked. */
  lock(): void {
    this.epoch += 1;
    this.idle.stop();
    if (!this.key) return;
    // Overwrite, not just drop: a dropped Buffer lingers in memory until collected.
    this.key.fill(0);
    this.key = null;
    this.notify(true);
  }

  /** Applies a changed setting; null = never lock for idleness. */
  setIdleLockMs(idleLockMs: number | null): void {
    this.idle.setIdleMs(idleLockMs);
  }

  /** Tells the UI when the vault locks or unlocks; returns the unsubscribe function. */
  onLockChange(listener: (locked: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  encrypt(plaintext: string, binding: string): Promise<string> {
    return settle(() => sealAesGcm(this.liveKey(), plaintext, recordAad(binding)));
  }

  decrypt(sealed: string, binding: string): Promise<DecryptResult> {
    return settle(() => {
      const key = this.liveKey();
      try {
        return { plaintext: openAesGcm(key, sealed, recordAad(binding)), shouldReEncrypt: false };
      } catch (error) {
        if (error instanceof SealRejectedError)
          throw new TamperedSecretError(binding, error.message);
        throw error;
      }
    });
  }

  /** The key for one use, counted as activity; locks first if the idle time passed. */
  private liveKey(): Buffer {
    if (this.key && this.idle.expired()) this.lock();
    if (!this.key) throw new VaultLockedError();
    this.idle.touch();
    return this.key;
  }

  private install(key: Buffer): void {
    const wasLocked = this.key === null;
    this.key?.fill(0);
    this.key = key;
    this.idle.touch();
    if (wasLocked) this.notify(false);
  }

  private notify(locked: boolean): void {
    for (const listener of this.listeners) listener(locked);
  }
}

/** Runs synchronous work behind the async interface, turning a throw into a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

function verifies(key: Buffer, verifier: string): boolean {
  try {
    const value = Buffer.from(openAesGcm(key, verifier, VERIFIER_AAD));
    const expected = Buffer.from(VERIFIER_PLAINTEXT);
    return value.length === expected.length && timingSafeEqual(value, expected);
  } catch (error) {
    if (error instanceof SealRejectedError) return false;
    throw error;
  }
}
