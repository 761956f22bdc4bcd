import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassphraseCipher } from './passphrase-cipher';
import {
  TamperedSecretError,
  VaultLockedError,
  type DecryptResult,
  type SecretCipher,
} from './secret-cipher';
import { MemoryKeychainCipher } from '../test-support/memory-keychain';
import { CHEAP_SCRYPT } from './test-support/cheap-scrypt';
import { readVaultHeader, SecretNotFoundError, Vault, VaultHeaderMismatchError } from './vault';
import { VAULT_FILE_NAME, VaultFileCorruptError, vaultDocumentSchema } from './vault-file';
import type { KeychainHeader } from './vault-header';

const PASSPHRASE = 'correct horse battery staple';
const TOKEN = 'cioAbCdEfGhIjKlMnOpQrStUvWxYz012345';
const COOKIE = 'cargo_session=6f1c0a7e9b2d4c3a8e5f7b1d2c4a6e8f';

let dataDir: string;
let file: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ck-vault-'));
  file = join(dataDir, VAULT_FILE_NAME);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function newCipher(): Promise<PassphraseCipher> {
  return PassphraseCipher.create(PASSPHRASE, CHEAP_SCRYPT, { idleLockMs: null });
}

async function readDocument() {
  return vaultDocumentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/**
 * A stand-in for the OS keychain whose key can be "rotated": what it sealed
 * before rotate() still opens but asks to be re-encrypted, as safeStorage's
 * decryptStringAsync does. Not encryption, only a test double.
 */
class RotatingCipher implements SecretCipher {
  readonly kind = 'os-keychain';
  readonly header: KeychainHeader = { kind: 'os-keychain' };
  generation = 1;
  encryptCalls = 0;
  failEncrypt = false;

  rotate(): void {
    this.generation += 1;
  }

  encrypt(plaintext: string, binding: string): Promise<string> {
    this.encryptCalls += 1;
    if (this.failEncrypt) return Promise.reject(new Error('keychain busy'));
    const body = Buffer.from(JSON.stringify([binding, plaintext])).toString('base64url');
    return Promise.resolve(`r${this.generation}.${body}`);
  }

  decrypt(sealed: string, binding: string): Promise<DecryptResult> {
    const [version, body] = sealed.split('.');
    const [sealedFor, plaintext] = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as [
      string,
      string,
    ];
    if (sealedFor !== binding) return Promise.reject(new TamperedSecretError(binding, 'moved'));
    return Promise.resolve({ plaintext, shouldReEncrypt: version !== `r${this.generation}` });
  }
}

describe('Vault', () => {
  it('creates vault.json with its header at once, owner-only', async () => {
    const cipher = await newCipher();
    await Vault.open(dataDir, cipher);
    expect(await readDocument()).toEqual({
      format: 'cratekeeper-vault',
      version: 1,
      cipher: cipher.header,
      records: [],
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readVaultHeader(dataDir)).toEqual(cipher.header);
  });

  it('has no header to read before a vault exists', async () => {
    expect(await readVaultHeader(dataDir)).toBeNull();
  });

  it('puts, reveals, lists, and deletes secrets, and keeps them across a reopen', async () => {
    const cipher = await newCipher();
    const vault = await Vault.open(dataDir, cipher);
    await vault.put('session:crates.io#1', 'session-cookie', COOKIE);
    await vault.put('token:crates.io#1/42', 'token', TOKEN);

    expect(vault.has('token:crates.io#1/42')).toBe(true);
    expect(vault.kindOf('session:crates.io#1')).toBe('session-cookie');
    expect(vault.ids()).toEqual(['session:crates.io#1', 'token:crates.io#1/42']);
    expect(vault.ids('token')).toEqual(['token:crates.io#1/42']);
    expect(await vault.reveal('token:crates.io#1/42')).toBe(TOKEN);

    const reopened = await Vault.open(dataDir, cipher);
    expect(await reopened.reveal('session:crates.io#1')).toBe(COOKIE);
    expect(await reopened.delete('session:crates.io#1')).toBe(true);
    expect(await reopened.delete('session:crates.io#1')).toBe(false);
    expect(reopened.has('session:crates.io#1')).toBe(false);
    await expect(reopened.reveal('session:crates.io#1')).rejects.toThrow(SecretNotFoundError);
    expect((await Vault.open(dataDir, cipher)).ids()).toEqual(['token:crates.io#1/42']);
  });

  it('replaces a secret put again under the same id', async () => {
    const vault = await Vault.open(dataDir, await newCipher());
    await vault.put('token:1', 'token', TOKEN);
    await vault.put('token:1', 'token', 'cioNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNE');
    expect(await vault.reveal('token:1')).toBe('cioNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNE');
    expect((await readDocument()).records).toHaveLength(1);
  });

  it('never writes the plaintext: not as text, base64, base64url or hex', async () => {
    const vault = await Vault.open(dataDir, await newCipher());
    await vault.put('session:crates.io#1', 'session-cookie', COOKIE);
    await vault.put('token:crates.io#1/42', 'token', TOKEN);
    await vault.reveal('token:crates.io#1/42');
    const bytes = await readFile(file);
    for (const secret of [TOKEN, COOKIE, COOKIE.slice('cargo_session='.length)]) {
      for (const encoding of ['utf8', 'base64', 'base64url', 'hex'] as const) {
        const needle = Buffer.from(secret).toString(encoding);
        expect(bytes.includes(Buffer.from(needle)), `${encoding} of a secret`).toBe(false);
      }
    }
    expect(bytes.includes(Buffer.from(PASSPHRASE))).toBe(false);
  });

  it('refuses a sealed secret copied onto another record in the file', async () => {
    const cipher = await newCipher();
    const vault = await Vault.open(dataDir, cipher);
    await vault.put('token:a', 'token', TOKEN);
    await vault.put('token:b', 'token', 'cioBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB');
    const document = await readDocument();
    const [a, b] = document.records;
    if (!a || !b) throw new Error('records missing');
    await writeFile(
      file,
      JSON.stringify({ ...document, records: [a, { ...b, sealed: a.sealed }] }),
    );

    const reopened = await Vault.open(dataDir, cipher);
    await expect(reopened.reveal('token:b')).rejects.toThrow(
      new TamperedSecretError('token:b', 'authentication failed'),
    );
    expect(await reopened.reveal('token:a')).toBe(TOKEN);
  });

  it('refuses a record relabelled from token to session cookie', async () => {
    const cipher = await newCipher();
    await (await Vault.open(dataDir, cipher)).put('x', 'token', TOKEN);
    const document = await readDocument();
    const relabelled = document.records.map((record) => ({ ...record, kind: 'session-cookie' }));
    await writeFile(file, JSON.stringify({ ...document, records: relabelled }));
    await expect((await Vault.open(dataDir, cipher)).reveal('x')).rejects.toThrow(
      TamperedSecretError,
    );
  });

  it('re-encrypts and saves when the cipher says the key was rotated', async () => {
    const cipher = new RotatingCipher();
    const vault = await Vault.open(dataDir, cipher);
    await vault.put('token:1', 'token', TOKEN);
    const before = (await readDocument()).records[0]?.sealed;
    expect(before).toMatch(/^r1\./);

    cipher.rotate();
    expect(await vault.reveal('token:1')).toBe(TOKEN);
    expect((await readDocument()).records[0]?.sealed).toMatch(/^r2\./);

    // Now current: a second reveal neither re-encrypts nor writes.
    const calls = cipher.encryptCalls;
    expect(await vault.reveal('token:1')).toBe(TOKEN);
    expect(cipher.encryptCalls).toBe(calls);
  });

  it('still reveals when re-encryption fails, and tries again next time', async () => {
    const cipher = new RotatingCipher();
    const vault = await Vault.open(dataDir, cipher);
    await vault.put('token:1', 'token', TOKEN);
    cipher.rotate();
    cipher.failEncrypt = true;
    expect(await vault.reveal('token:1')).toBe(TOKEN);
    expect((await readDocument()).records[0]?.sealed).toMatch(/^r1\./);

    cipher.failEncrypt = false;
    await vault.reveal('token:1');
    expect((await readDocument()).records[0]?.sealed).toMatch(/^r2\./);
  });

  it('does not let a re-encryption bring back a secret deleted meanwhile', async () => {
    const cipher = new RotatingCipher();
    const vault = await Vault.open(dataDir, cipher);
    await vault.put('token:1', 'token', TOKEN);
    cipher.rotate();
    const revealing = vault.reveal('token:1');
    const deleting = vault.delete('token:1');
    expect(await revealing).toBe(TOKEN);
    expect(await deleting).toBe(true);
    expect((await readDocument()).records).toEqual([]);
  });

  it('keeps the ids readable while a passphrase vault is locked, but not the secrets', async () => {
    const cipher = await newCipher();
    const vault = await Vault.open(dataDir, cipher);
    await vault.put('token:1', 'token', TOKEN);
    cipher.lock();
    expect(vault.ids()).toEqual(['token:1']);
    await expect(vault.reveal('token:1')).rejects.toThrow(VaultLockedError);
    await expect(vault.put('token:2', 'token', TOKEN)).rejects.toThrow(VaultLockedError);
    expect(vault.ids()).toEqual(['token:1']);
  });

  it('refuses to open with a cipher other than the one the file was sealed with', async () => {
    await Vault.open(dataDir, await newCipher());
    await expect(Vault.open(dataDir, new RotatingCipher())).rejects.toThrow(
      VaultHeaderMismatchError,
    );
    await expect(Vault.open(dataDir, await newCipher())).rejects.toThrow(VaultHeaderMismatchError);
  });

  it('rekeys every secret to another cipher in one write', async () => {
    const keychain = new RotatingCipher();
    const vault = await Vault.open(dataDir, keychain);
    await vault.put('session:1', 'session-cookie', COOKIE);
    await vault.put('token:1', 'token', TOKEN);

    const passphrase = await newCipher();
    await vault.rekey(passphrase);
    expect(vault.cipherKind).toBe('passphrase');
    expect((await readDocument()).cipher).toEqual(passphrase.header);

    const reopened = await Vault.open(dataDir, passphrase);
    expect(await reopened.reveal('session:1')).toBe(COOKIE);
    expect(await reopened.reveal('token:1')).toBe(TOKEN);
  });

  it('refuses an id outside 1 to 512 characters before sealing anything', async () => {
    const vault = await Vault.open(dataDir, await newCipher());
    await expect(vault.put('', 'token', TOKEN)).rejects.toThrow(RangeError);
    await expect(vault.put('x'.repeat(513), 'token', TOKEN)).rejects.toThrow(RangeError);
    expect((await readDocument()).records).toEqual([]);
  });

  it('keeps memory as it was when the write fails', async () => {
    const vault = await Vault.open(dataDir, await newCipher());
    await vault.put('token:1', 'token', TOKEN);
    // The data directory disappears and a file takes its place: every write now fails.
    await rm(dataDir, { recursive: true });
    await writeFile(dataDir, 'not a directory');
    await expect(vault.put('token:2', 'token', TOKEN)).rejects.toThrow();
    await expect(vault.delete('token:1')).rejects.toThrow();
    expect(vault.ids()).toEqual(['token:1']);
    expect(await vault.reveal('token:1')).toBe(TOKEN);
    await rm(dataDir);
  });

  it('removes temporary files a killed writer left beside it', async () => {
    await Vault.open(dataDir, await newCipher());
    await writeFile(`${file}.1234567`, '{"half": ');
    await writeFile(join(dataDir, 'vault.json.bak'), 'kept: not ours');
    const header = await readVaultHeader(dataDir);
    if (header?.kind !== 'passphrase') throw new Error('no header');
    await Vault.open(dataDir, await PassphraseCipher.open(header, PASSPHRASE));
    expect((await readdir(dataDir)).sort()).toEqual([VAULT_FILE_NAME, 'vault.json.bak']);
  });

  it('stores an id like "__proto__" as an ordinary id', async () => {
    const cipher = await newCipher();
    await (await Vault.open(dataDir, cipher)).put('__proto__', 'token', TOKEN);
    const reopened = await Vault.open(dataDir, cipher);
    expect(reopened.ids()).toEqual(['__proto__']);
    expect(await reopened.reveal('__proto__')).toBe(TOKEN);
  });

  it.each([
    ['not JSON', '{"format": "cratekeeper-vault", '],
    ['another format', JSON.stringify({ format: 'other', version: 1 })],
    [
      'duplicate ids',
      JSON.stringify({
        format: 'cratekeeper-vault',
        version: 1,
        cipher: { kind: 'os-keychain' },
        records: [
          { id: 'a', kind: 'token', sealed: 'sealed-value-one' },
          { id: 'a', kind: 'token', sealed: 'sealed-value-two' },
        ],
      }),
    ],
  ])('reports a file that is %s, naming where but quoting nothing', async (_what, content) => {
    await writeFile(file, content);
    const opening = Vault.open(dataDir, new RotatingCipher());
    await expect(opening).rejects.toThrow(VaultFileCorruptError);
    await expect(opening).rejects.not.toThrow(/sealed-value/);
    // The broken file is left as it was for the user (or support) to look at.
    expect(await readFile(file, 'utf8')).toBe(content);
  });
});

describe('Vault puts issued together', () => {
  it('share one write, keep their order with a delete issued between them, and all reopen', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cratekeeper-vault-batch-'));
    const cipher = new MemoryKeychainCipher();
    const vault = await Vault.open(dataDir, cipher);
    const before = await readFile(join(dataDir, VAULT_FILE_NAME), 'utf8');
    const first = Promise.all([vault.put('a', 'token', 'one'), vault.put('b', 'token', 'two')]);
    const deleted = vault.delete('a');
    const again = vault.put('a', 'token', 'three');
    await Promise.all([first, deleted, again]);
    expect(await deleted).toBe(true);
    const reopened = await Vault.open(dataDir, cipher);
    expect(await reopened.reveal('a')).toBe('three');
    expect(await reopened.reveal('b')).toBe('two');
    expect(before).not.toContain('"b"');
  });

  it('refuses a bad id alone, without failing the others', async () => {
    const vault = await Vault.open(
      await mkdtemp(join(tmpdir(), 'cratekeeper-vault-batch-')),
      new MemoryKeychainCipher(),
    );
    const good = vault.put('good', 'token', 'kept');
    await expect(vault.put('', 'token', 'x')).rejects.toThrow(RangeError);
    await good;
    expect(vault.ids()).toEqual(['good']);
  });
});
