import { safeStorage } from 'electron';
import {
  KeychainUnavailableError,
  TamperedSecretError,
  type DecryptResult,
  type SecretCipher,
} from '../core/vault/secret-cipher';
import type { KeychainHeader } from '../core/vault/vault-header';

/** The parts of Electron's safeStorage this adapter uses: only the asynchronous API. */
export type SafeStorageApi = Pick<
  Electron.SafeStorage,
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
>;

/** Sealed form: `k1.<base64url of what safeStorage returned>`. */
const FORMAT = 'k1.';

/**
 * Seals secrets with the OS keychain through Electron's asynchronous
 * safeStorage API (the synchronous one is deprecated).
 *
 * safeStorage has no associated data, so the record's binding travels inside
 * the encrypted envelope and is compared on decrypt: a ciphertext moved to
 * another record is refused. Note that on macOS and Linux the OS layer is
 * AES-CBC without a MAC, so this check stops copy-and-paste between records
 * but is not a cryptographic integrity guarantee as AES-GCM's tag is.
 */
export class SafeStorageCipher implements SecretCipher {
  readonly kind = 'os-keychain';
  readonly header: KeychainHeader = { kind: 'os-keychain' };

  constructor(private readonly api: SafeStorageApi = safeStorage) {}

  async encrypt(plaintext: string, binding: string): Promise<string> {
    const envelope = JSON.stringify({ binding, secret: plaintext });
    let encrypted: Buffer;
    try {
      encrypted = await this.api.encryptStringAsync(envelope);
    } catch (error) {
      throw new KeychainUnavailableError('encrypt', { cause: error });
    }
    return FORMAT + encrypted.toString('base64url');
  }

  async decrypt(sealed: string, binding: string): Promise<DecryptResult> {
    if (!sealed.startsWith(FORMAT) || !/^[A-Za-z0-9_-]+$/.test(sealed.slice(FORMAT.length))) {
      throw new TamperedSecretError(binding, 'not sealed by the OS keychain cipher');
    }
    let decrypted: Electron.DecryptStringAsyncReturnValue;
    try {
      decrypted = await this.api.decryptStringAsync(
        Buffer.from(sealed.slice(FORMAT.length), 'base64url'),
      );
    } catch (error) {
      throw new KeychainUnavailableError('decrypt', { cause: error });
    }
    const secret = secretFor(decrypted.result, binding);
    if (secret === null) throw new TamperedSecretError(binding, 'it belongs to another record');
    return { plaintext: secret, shouldReEncrypt: decrypted.shouldReEncrypt };
  }
}

/** The secret in a decrypted envelope if it was sealed for `binding`, else null. */
function secretFor(envelope: string, binding: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(envelope);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { binding: sealedFor, secret } = parsed as Record<string, unknown>;
  return sealedFor === binding && typeof secret === 'string' ? secret : null;
}

export type KeychainCheck =
  | { readonly ok: true; readonly backend: string | null }
  | {
      readonly ok: false;
      readonly reason: 'unavailable' | 'weak-backend';
      readonly backend: string | null;
      /** For the user: what is wrong and what to do instead. */
      readonly message: string;
    };

/**
 * Whether the OS keychain protects secrets for real (PRODUCT.md, "Quality
 * bars"). On Linux without a keyring Electron falls back to `basic_text`, a
 * hard-coded key: that is reported as weak, so the app offers the passphrase
 * cipher instead of storing weakly. `unknown` means the backend could not be
 * determined (asked before the app was ready); it is treated as weak too.
 * Call after the app's `ready` event.
 */
export async function checkSafeStorage(
  api: SafeStorageApi = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<KeychainCheck> {
  const backend = platform === 'linux' ? api.getSelectedStorageBackend() : null;
  let available: boolean;
  try {
    available = await api.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) {
    return {
      ok: false,
      reason: 'unavailable',
      backend,
      message:
        'No OS keychain is available to encrypt your secrets. Choose a passphrase to protect them instead.',
    };
  }
  if (backend === 'basic_text' || backend === 'unknown') {
    return {
      ok: false,
      reason: 'weak-backend',
      backend,
      message:
        'No supported keyring (such as GNOME Keyring or KWallet) was found, so the OS keychain would only obscure your secrets, not protect them. Choose a passphrase to protect them instead.',
    };
  }
  return { ok: true, backend };
}
