import { scrypt } from 'node:crypto';
import { scryptParamsSchema, type ScryptParams } from './vault-header';

const KEY_BYTES = 32;

/**
 * Derives the 32-byte vault key. Runs on libuv's thread pool (async scrypt), so
 * a one-second derivation does not freeze the main process and its windows.
 *
 * The passphrase is NFC-normalised first: the same passphrase typed through
 * different keyboards or input methods can arrive as different code points
 * (é vs e + ◌́), and must still open the vault.
 */
export function deriveVaultKey(
  passphrase: string,
  salt: Buffer,
  params: ScryptParams,
): Promise<Buffer> {
  const { N, r, p } = scryptParamsSchema.parse(params);
  // OpenSSL needs 128*r*(N+2) bytes for V plus 128*r*p for B; Node's default cap is 32 MiB.
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
