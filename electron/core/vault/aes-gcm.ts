import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message. Random nonces are
 * safe here because one vault key seals at most a few thousand secrets in its
 * life, far below the 2^32 messages where random 96-bit nonces start to risk a
 * collision (NIST SP 800-38D, 8.3).
 *
 * Sealed form: `g1.<nonce>.<ciphertext>.<tag>`, each part base64url.
 */
const FORMAT = 'g1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const PART = /^[A-Za-z0-9_-]*$/;

/** Why a sealed value was refused; the caller turns it into a TamperedSecretError. */
export class SealRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SealRejectedError';
  }
}

export function sealAesGcm(key: Buffer, plaintext: string, associatedData: string): string {
  assertKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, nonce, ciphertext, tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Returns the plaintext, or throws SealRejectedError if anything was changed. */
export function openAesGcm(key: Buffer, sealed: string, associatedData: string): string {
  assertKey(key);
  const { nonce, ciphertext, tag } = parseSealed(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // final() throws only on a failed tag check: wrong key, or changed bytes or binding.
    throw new SealRejectedError('authentication failed');
  }
}

function parseSealed(sealed: string): { nonce: Buffer; ciphertext: Buffer; tag: Buffer } {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new SealRejectedError('unknown format');
  const [, nonce, ciphertext, tag] = parts.map((part) => {
    // Buffer.from(…, 'base64url') skips bad characters silently; refuse them instead.
    if (!PART.test(part)) throw new SealRejectedError('malformed encoding');
    return Buffer.from(part, 'base64url');
  });
  if (nonce?.length !== NONCE_BYTES) throw new SealRejectedError('bad nonce length');
  if (tag?.length !== TAG_BYTES) throw new SealRejectedError('bad tag length');
  if (!ciphertext) throw new SealRejectedError('unknown format');
  return { nonce, ciphertext, tag };
}

function assertKey(key: Buffer): void {
  // A wiped (all-zero) key must never be used: it would "work" with a known key.
  if (key.length !== KEY_BYTES || key.every((byte) => byte === 0)) {
    throw new Error('AES-256-GCM needs a live 32-byte key.');
  }
}
