import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeychainUnavailableError, TamperedSecretError } from '../core/vault/secret-cipher';
import type { SafeStorageApi } from './safe-storage-cipher';

type Backend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

/**
 * A stand-in for Electron's safeStorage: the real package cannot load here (its
 * binary cannot be downloaded). It "encrypts" by XOR and a key generation byte,
 * so tests can see that the adapter never hands over plaintext unchanged and
 * can simulate a rotated key.
 */
const fake = vi.hoisted(() => {
  const state = {
    generation: 1,
    available: true,
    backend: 'gnome_libsecret' as Backend,
    failDecrypt: false,
  };
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    state,
    encryptStringAsync: vi.fn((plainText: string) =>
      Promise.resolve(
        Buffer.concat([Buffer.from([state.generation]), xor(Buffer.from(plainText))]),
      ),
    ),
    decryptStringAsync: vi.fn((encrypted: Buffer) => {
      if (state.failDecrypt)
        return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({
        result: xor(encrypted.subarray(1)).toString(),
        shouldReEncrypt: encrypted[0] !== state.generation,
      });
    }),
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(state.available)),
    getSelectedStorageBackend: vi.fn(() => state.backend),
  };
});

vi.mock('electron', () => ({ safeStorage: fake }));

const { SafeStorageCipher, checkSafeStorage } = await import('./safe-storage-cipher');

const TOKEN = 'cioAbCdEfGhIjKlMnOpQrStUvWxYz012345';

beforeEach(() => {
  Object.assign(fake.state, {
    generation: 1,
    available: true,
    backend: 'gnome_libsecret',
    failDecrypt: false,
  });
  vi.clearAllMocks();
});

describe('SafeStorageCipher', () => {
  it('round-trips a secret through the asynchronous safeStorage API', async () => {
    const cipher = new SafeStorageCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    expect(sealed).toMatch(/^k1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(TOKEN);
    expect(await cipher.decrypt(sealed, 'token/1')).toEqual({
      plaintext: TOKEN,
      shouldReEncrypt: false,
    });
    expect(fake.encryptStringAsync).toHaveBeenCalledOnce();
    expect(fake.decryptStringAsync).toHaveBeenCalledOnce();
  });

  it('describes itself as the OS keychain cipher in the vault header', () => {
    const cipher = new SafeStorageCipher();
    expect(cipher.kind).toBe('os-keychain');
    expect(cipher.header).toEqual({ kind: 'os-keychain' });
  });

  it('passes on safeStorage asking for re-encryption after a key rotation', async () => {
    const cipher = new SafeStorageCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    fake.state.generation = 2;
    expect(await cipher.decrypt(sealed, 'token/1')).toEqual({
      plaintext: TOKEN,
      shouldReEncrypt: true,
    });
  });

  it('refuses a ciphertext moved to another record', async () => {
    const cipher = new SafeStorageCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    await expect(cipher.decrypt(sealed, 'token/2')).rejects.toThrow(TamperedSecretError);
  });

  it('refuses what it did not seal, and what decrypts to something else', async () => {
    const cipher = new SafeStorageCipher();
    await expect(cipher.decrypt('g1.abc.def.ghi', 'token/1')).rejects.toThrow(TamperedSecretError);
    await expect(cipher.decrypt('k1.not base64!', 'token/1')).rejects.toThrow(TamperedSecretError);
    const garbage = Buffer.concat([Buffer.from([1]), Buffer.from('not json').map((b) => b ^ 0x5a)]);
    await expect(cipher.decrypt(`k1.${garbage.toString('base64url')}`, 'token/1')).rejects.toThrow(
      TamperedSecretError,
    );
  });

  it('reports a keychain failure as such, without the secret in the message', async () => {
    const cipher = new SafeStorageCipher();
    const sealed = await cipher.encrypt(TOKEN, 'token/1');
    fake.state.failDecrypt = true;
    const error: unknown = await cipher.decrypt(sealed, 'token/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(String(error)).not.toContain(TOKEN);

    fake.encryptStringAsync.mockRejectedValueOnce(new Error('Encryption is not available.'));
    await expect(cipher.encrypt(TOKEN, 'token/1')).rejects.toThrow(KeychainUnavailableError);
  });

  it('takes an injected safeStorage as well', async () => {
    const cipher = new SafeStorageCipher(fake);
    expect((await cipher.decrypt(await cipher.encrypt('x', 'b'), 'b')).plaintext).toBe('x');
  });
});

describe('checkSafeStorage', () => {
  it('accepts a real keyring on Linux, and the OS keychain elsewhere', async () => {
    expect(await checkSafeStorage(fake, 'linux')).toEqual({ ok: true, backend: 'gnome_libsecret' });
    expect(await checkSafeStorage(fake, 'darwin')).toEqual({ ok: true, backend: null });
    expect(fake.getSelectedStorageBackend).toHaveBeenCalledOnce();
  });

  it.each(['basic_text', 'unknown'] as const)(
    'reports the Linux %s backend as weak, with advice for the user',
    async (backend) => {
      fake.state.backend = backend;
      expect(await checkSafeStorage(fake, 'linux')).toEqual({
        ok: false,
        reason: 'weak-backend',
        backend,
        message: expect.stringContaining('passphrase') as string,
      });
    },
  );

  it('reports an unavailable keychain, also when asking throws', async () => {
    fake.state.available = false;
    expect(await checkSafeStorage(fake, 'win32')).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    fake.isAsyncEncryptionAvailable.mockRejectedValueOnce(new Error('not ready'));
    expect(await checkSafeStorage(fake, 'darwin')).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('asks electron’s safeStorage and this platform by default', async () => {
    fake.state.backend = 'basic_text';
    const expected = await checkSafeStorage(fake, process.platform);
    vi.clearAllMocks();
    expect(await checkSafeStorage()).toEqual(expected);
    expect(fake.isAsyncEncryptionAvailable).toHaveBeenCalledOnce();
  });
});
