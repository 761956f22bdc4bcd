import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openAesGcm, SealRejectedError, sealAesGcm } from './aes-gcm';

const key = randomBytes(32);

/** Flips one bit in part `index` (1 nonce, 2 ciphertext, 3 tag) of a sealed value. */
function flipBit(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('AES-256-GCM sealing', () => {
  it('round-trips text, including empty and non-ASCII text', () => {
    for (const text of ['cio' + 'a'.repeat(32), '', 'Grüße, 鍵 🔑']) {
      expect(openAesGcm(key, sealAesGcm(key, text, 'aad'), 'aad')).toBe(text);
    }
  });

  it('writes g1.<12-byte nonce>.<ciphertext>.<16-byte tag>', () => {
    const [format, nonce, ciphertext, tag] = sealAesGcm(key, 'secret', 'aad').split('.');
    expect(format).toBe('g1');
    expect(Buffer.from(nonce ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext ?? '', 'base64url')).toHaveLength('secret'.length);
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
  });

  it.each([
    ['nonce', 1],
    ['ciphertext', 2],
    ['tag', 3],
  ])('refuses a changed %s', (_part, index) => {
    const sealed = sealAesGcm(key, 'secret', 'aad');
    expect(() => openAesGcm(key, flipBit(sealed, index), 'aad')).toThrow(SealRejectedError);
  });

  it('refuses other associated data, another key, and malformed input', () => {
    const sealed = sealAesGcm(key, 'secret', 'record A');
    expect(() => openAesGcm(key, sealed, 'record B')).toThrow(SealRejectedError);
    expect(() => openAesGcm(randomBytes(32), sealed, 'record A')).toThrow(SealRejectedError);
    const [, nonce, ciphertext, tag] = sealed.split('.');
    for (const bad of [
      `g2.${nonce}.${ciphertext}.${tag}`,
      `g1.${nonce}.${ciphertext}`,
      `g1.${nonce}.${ciphertext}.${tag}.extra`,
      `g1.${nonce}AA.${ciphertext}.${tag}`,
      `g1.${nonce}.${ciphertext}.${tag?.slice(0, -2)}`,
      `g1.${nonce}.${ciphertext}!.${tag}`,
    ]) {
      expect(() => openAesGcm(key, bad, 'record A')).toThrow(SealRejectedError);
    }
  });

  it('refuses to work with a wiped or short key', () => {
    expect(() => sealAesGcm(Buffer.alloc(32), 'x', 'aad')).toThrow(/live 32-byte key/);
    expect(() => sealAesGcm(randomBytes(16), 'x', 'aad')).toThrow(/live 32-byte key/);
  });
});
