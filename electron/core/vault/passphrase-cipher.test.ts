import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../ports';
import { createPassphraseVault, PassphraseCipher } from './passphrase-cipher';
import { TamperedSecretError, VaultLockedError, WrongPassphraseError } from './secret-cipher';
import { CHEAP_SCRYPT } from './test-support/cheap-scrypt';
import type { PassphraseHeader } from './vault-header';

const PASSPHRASE = 'correct horse battery staple';
const TOKEN = 'cioAbCdEfGhIjKlMnOpQrStUvWxYz012345';
const MINUTE = 60_000;

/** A fresh vault's header and an unlocked cipher for it; idle lock off unless asked. */
async function newCipher(idleLockMs: number | null = null, clock?: Clock) {
  const cipher = await PassphraseCipher.create(PASSPHRASE, CHEAP_SCRYPT, { idleLockMs, clock });
  return { cipher, header: cipher.header };
}

function replacePart(sealed: string, index: number, change: (bytes: Buffer) => void): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  change(bytes);
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('createPassphraseVault', () => {
  it('makes a header with scrypt parameters, a random salt and a verifier, never the passphrase', async () => {
    const header = await createPassphraseVault(PASSPHRASE, CHEAP_SCRYPT);
    expect(header).toMatchObject({ kind: 'passphrase', kdf: { name: 'scrypt', ...CHEAP_SCRYPT } });
    expect(Buffer.from(header.kdf.salt, 'base64url')).toHaveLength(32);
    expect(JSON.stringify(header)).not.toContain(PASSPHRASE);
    const other = await createPassphraseVault(PASSPHRASE, CHEAP_SCRYPT);
    expect(other.kdf.salt).not.toBe(header.kdf.salt);
  });

  it('uses N=2^17, r=8, p=1 unless told otherwise', async () => {
    const header = await createPassphraseVault(PASSPHRASE);
    expect(header.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    await expect(PassphraseCipher.open(header, PASSPHRASE)).resolves.toBeInstanceOf(
      PassphraseCipher,
    );
  }, 20_000);

  it('refuses an empty passphrase and parameters outside the safe bounds', async () => {
    await expect(createPassphraseVault('', CHEAP_SCRYPT)).rejects.toThrow(RangeError);
    await expect(createPassphraseVault(PASSPHRASE, { N: 1000, r: 8, p: 1 })).rejects.toThrow();
    await expect(createPassphraseVault(PASSPHRASE, { N: 2 ** 24, r: 8, p: 1 })).rejects.toThrow();
  });
});

describe('PassphraseCipher', () => {
  it('round-trips a secret, and opens again from the header with the passphrase', async () => {
    const { cipher, header } = await newCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    expect(sealed).not.toContain(TOKEN);
    expect(await cipher.decrypt(sealed, 'token/1')).toEqual({
      plaintext: TOKEN,
      shouldReEncrypt: false,
    });
    const reopened = await PassphraseCipher.open(header, PASSPHRASE, { idleLockMs: null });
    expect((await reopened.decrypt(sealed, 'token/1')).plaintext).toBe(TOKEN);
  });

  it('refuses a wrong passphrase clearly, and stays locked', async () => {
    const { header } = await newCipher();
    await expect(PassphraseCipher.open(header, 'Correct horse battery staple')).rejects.toThrow(
      WrongPassphraseError,
    );
    const cipher = PassphraseCipher.locked(header, { idleLockMs: null });
    await expect(cipher.unlock('wrong')).rejects.toThrow(WrongPassphraseError);
    expect(cipher.isLocked()).toBe(true);
  });

  it('accepts the passphrase in another Unicode normal form', async () => {
    const composed = 'pass\u00e9phrase';
    const cipher = await PassphraseCipher.create(composed, CHEAP_SCRYPT, { idleLockMs: null });
    const decomposed = 'passe\u0301phrase';
    await expect(PassphraseCipher.open(cipher.header, decomposed)).resolves.toBeDefined();
  });

  it.each([
    ['nonce', 1],
    ['ciphertext', 2],
    ['tag', 3],
  ])('refuses a tampered %s', async (_part, index) => {
    const { cipher } = await newCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    const tampered = replacePart(sealed, index, (bytes) => {
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x80;
    });
    await expect(cipher.decrypt(tampered, 'token/1')).rejects.toThrow(TamperedSecretError);
  });

  it('refuses a ciphertext moved to another record, and says which record', async () => {
    const { cipher } = await newCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    await expect(cipher.decrypt(sealed, 'token/2')).rejects.toThrow(
      new TamperedSecretError('token/2', 'authentication failed'),
    );
  });

  it('refuses a ciphertext from another vault with the same passphrase', async () => {
    const a = await newCipher();
    const b = await newCipher();
    const sealed = await a.cipher.encrypt(TOKEN, 'token/1');
    await expect(b.cipher.decrypt(sealed, 'token/1')).rejects.toThrow(TamperedSecretError);
  });

  it('never reuses a nonce: the same secret sealed 1,000 times gives 1,000 nonces and ciphertexts', async () => {
    const { cipher } = await newCipher();
    const sealed = await Promise.all(
      Array.from({ length: 1000 }, () => cipher.encrypt(TOKEN, 'token/1')),
    );
    const nonces = new Set(sealed.map((value) => value.split('.')[1]));
    const ciphertexts = new Set(sealed.map((value) => value.split('.')[2]));
    expect(nonces.size).toBe(1000);
    expect(ciphertexts.size).toBe(1000);
    expect(new Set(sealed).size).toBe(1000);
  });

  it('refuses a header whose parameters were raised to exhaust memory', async () => {
    const { header } = await newCipher();
    const greedy: PassphraseHeader = { ...header, kdf: { ...header.kdf, N: 2 ** 30 } };
    expect(() => PassphraseCipher.locked(greedy)).toThrow();
  });

  it('does not keep the passphrase anywhere in the object', async () => {
    const { cipher } = await newCipher();
    expect(inspect(cipher, { depth: Infinity, showHidden: true })).not.toContain(PASSPHRASE);
  });

  describe('locking', () => {
    it('locks by hand: encrypt and decrypt throw VaultLockedError until unlocked', async () => {
      const { cipher } = await newCipher();
      const sealed = await cipher.encrypt(TOKEN, 'token/1');
      const changes: boolean[] = [];
      cipher.onLockChange((locked) => changes.push(locked));

      cipher.lock();
      expect(cipher.isLocked()).toBe(true);
      await expect(cipher.encrypt(TOKEN, 'token/1')).rejects.toThrow(VaultLockedError);
      await expect(cipher.decrypt(sealed, 'token/1')).rejects.toThrow(VaultLockedError);

      await cipher.unlock(PASSPHRASE);
      expect((await cipher.decrypt(sealed, 'token/1')).plaintext).toBe(TOKEN);
      expect(changes).toEqual([true, false]);
    });

    it('wipes the key bytes when locking, not just the reference', async () => {
      const { cipher } = await newCipher();
      // Buffer.prototype is typed loosely by @types/node; it is a Buffer's prototype.
      const fill = vi.spyOn(Buffer.prototype as Buffer, 'fill');
      cipher.lock();
      const wiped = fill.mock.contexts as Buffer[];
      fill.mockRestore();
      expect(wiped).toHaveLength(1);
      expect(wiped[0]).toHaveLength(32);
      expect(wiped[0]?.every((byte) => byte === 0)).toBe(true);
    });

    it('an unlock that finishes after lock() does not unlock', async () => {
      const { header } = await newCipher();
      const cipher = PassphraseCipher.locked(header, { idleLockMs: null });
      const unlocking = cipher.unlock(PASSPHRASE);
      cipher.lock();
      await expect(unlocking).rejects.toThrow(VaultLockedError);
      expect(cipher.isLocked()).toBe(true);
    });
  });

  describe('idle lock', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('locks after the idle time without use, and each use restarts the count', async () => {
      const { cipher } = await newCipher(15 * MINUTE);
      const sealed = await cipher.encrypt(TOKEN, 'token/1');

      vi.advanceTimersByTime(14 * MINUTE);
      await cipher.decrypt(sealed, 'token/1');
      vi.advanceTimersByTime(14 * MINUTE);
      expect(cipher.isLocked()).toBe(false);

      vi.advanceTimersByTime(MINUTE);
      expect(cipher.isLocked()).toBe(true);
      await expect(cipher.decrypt(sealed, 'token/1')).rejects.toThrow(VaultLockedError);
    });

    it('locks on the next use when the wall clock jumped (the machine slept)', async () => {
      let now = new Date('2026-03-01T12:00:00Z');
      const clock: Clock = { now: () => now };
      const { cipher } = await newCipher(15 * MINUTE, clock);
      const sealed = await cipher.encrypt(TOKEN, 'token/1');
      // Timers do not run during sleep; only the wall clock moves.
      now = new Date('2026-03-01T20:00:00Z');
      await expect(cipher.decrypt(sealed, 'token/1')).rejects.toThrow(VaultLockedError);
      expect(cipher.isLocked()).toBe(true);
    });

    it('follows a changed setting, and never locks for idleness when set to null', async () => {
      const { cipher } = await newCipher(15 * MINUTE);
      vi.advanceTimersByTime(4 * MINUTE);
      cipher.setIdleLockMs(5 * MINUTE);
      vi.advanceTimersByTime(MINUTE - 1);
      expect(cipher.isLocked()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(cipher.isLocked()).toBe(true);

      await cipher.unlock(PASSPHRASE);
      cipher.setIdleLockMs(null);
      vi.advanceTimersByTime(365 * 24 * 60 * MINUTE);
      expect(cipher.isLocked()).toBe(false);
    });
  });
});
