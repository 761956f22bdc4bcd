import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryKeychainCipher } from '../test-support/memory-keychain';
import { PassphraseCipher } from './passphrase-cipher';
import { TamperedSecretError, type DecryptResult } from './secret-cipher';
import { CHEAP_SCRYPT } from './test-support/cheap-scrypt';
import { Vault } from './vault';
import {
  checkRecords,
  VAULT_FILE_NAME,
  VAULT_FORMAT,
  vaultDocumentSchema,
  vaultRecordSchema,
  writeVaultFile,
} from './vault-file';

/** A keychain stand-in that counts what it decrypts. */
class CountingCipher extends MemoryKeychainCipher {
  decrypts = 0;
  override decrypt(sealed: string, binding: string): Promise<DecryptResult> {
    this.decrypts += 1;
    return super.decrypt(sealed, binding);
  }
}

let dataDir: string;
let file: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ck-vault-file-'));
  file = join(dataDir, VAULT_FILE_NAME);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The zod definition of the records, with the file's unique-id rule. */
const recordsSchema = vaultDocumentSchema.shape.records;

const anyValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('token', 'session-cookie', '', 'x'.repeat(512), 'x'.repeat(513)),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);
const recordLike = fc.oneof(
  fc.record({ id: anyValue, kind: anyValue, sealed: anyValue }, { requiredKeys: [] }),
  fc.record({ id: fc.constantFrom('a', 'b'), kind: fc.constant('token'), sealed: fc.string() }),
  anyValue,
  fc.array(anyValue, { maxLength: 2 }),
);

describe('checkRecords', () => {
  it('accepts exactly what the zod schema of the records accepts', () => {
    fc.assert(
      fc.property(fc.array(recordLike, { maxLength: 5 }), (records) => {
        const byHand = checkRecords(records);
        const byZod = recordsSchema.safeParse(records);
        expect(byHand.ok).toBe(byZod.success);
        if (byHand.ok && byZod.success) {
          const kept = [...byHand.records.values()].map((record) =>
            vaultRecordSchema.parse(record),
          );
          expect(kept).toEqual(byZod.data);
        }
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('names where the first problem is, never the value', () => {
    const result = checkRecords([
      { id: 'a', kind: 'token', sealed: 'secret-looking' },
      { id: 'b', kind: 'secret-looking', sealed: 'x' },
    ]);
    expect(result).toEqual({ ok: false, where: 'records.1.kind' });
  });
});

describe('the vault file', () => {
  it('opening a 5,000-record vault decrypts no record, and lists them all', async () => {
    const cipher = new CountingCipher();
    const records = await Promise.all(
      Array.from({ length: 5000 }, async (_, n) => ({
        id: `token:${n}`,
        kind: 'token' as const,
        sealed: await cipher.encrypt(`secret ${n}`, JSON.stringify(['token', `token:${n}`])),
      })),
    );
    await writeVaultFile(file, {
      format: VAULT_FORMAT,
      version: 1,
      cipher: cipher.header,
      records,
    });

    const vault = await Vault.open(dataDir, cipher);
    expect(cipher.decrypts).toBe(0);
    expect(vault.ids()).toHaveLength(5000);
    expect(await vault.reveal('token:4999')).toBe('secret 4999');
    expect(cipher.decrypts).toBe(1);
  });

  it('opens with a damaged sealed text, and refuses that record when it is used', async () => {
    const cipher = await PassphraseCipher.create('correct horse battery', CHEAP_SCRYPT, {
      idleLockMs: null,
    });
    const vault = await Vault.open(dataDir, cipher);
    await Promise.all([vault.put('good', 'token', 'kept'), vault.put('bad', 'token', 'lost')]);
    const document = JSON.parse(await readFile(file, 'utf8')) as z.infer<
      typeof vaultDocumentSchema
    >;
    const records = document.records.map((record) =>
      record.id === 'bad' ? { ...record, sealed: 'not sealed at all' } : record,
    );
    await writeFile(file, JSON.stringify({ ...document, records }));

    const reopened = await Vault.open(dataDir, cipher);
    expect(reopened.ids().sort()).toEqual(['bad', 'good']);
    await expect(reopened.reveal('bad')).rejects.toThrow(TamperedSecretError);
    expect(await reopened.reveal('good')).toBe('kept');
  });

  it('is written compactly, with the declared fields only', async () => {
    const cipher = new MemoryKeychainCipher();
    const record = { id: 'a', kind: 'token' as const, sealed: 'x', extra: 'dropped' };
    await writeVaultFile(file, {
      format: VAULT_FORMAT,
      version: 1,
      cipher: cipher.header,
      records: [record],
    });
    const text = await readFile(file, 'utf8');
    expect(text).toBe(
      `${JSON.stringify({
        format: VAULT_FORMAT,
        version: 1,
        cipher: cipher.header,
        records: [{ id: 'a', kind: 'token', sealed: 'x' }],
      })}\n`,
    );
  });

  it('still reads a file written indented by an earlier version', async () => {
    const cipher = new MemoryKeychainCipher();
    const sealed = await cipher.encrypt('kept', JSON.stringify(['token', 'a']));
    const document = {
      format: VAULT_FORMAT,
      version: 1,
      cipher: cipher.header,
      records: [{ id: 'a', kind: 'token', sealed }],
    };
    await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
    expect(await (await Vault.open(dataDir, cipher)).reveal('a')).toBe('kept');
  });

  it('refuses to write a record that does not fit', async () => {
    const cipher = new MemoryKeychainCipher();
    const records = [{ id: '', kind: 'token' as const, sealed: 'x' }];
    await expect(
      writeVaultFile(file, { format: VAULT_FORMAT, version: 1, cipher: cipher.header, records }),
    ).rejects.toThrow(RangeError);
  });
});
