import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkImportedTokens,
  ImportedTokensFileCorruptError,
  importedTokensFilePath,
  readImportedTokensFile,
  writeImportedTokensFile,
} from './imported-token-file';
import { importedTokenSchema, type ImportedToken } from './metadata';

let dataDir: string;
let file: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ck-imported-'));
  file = importedTokensFilePath(dataDir);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const TOKEN: ImportedToken = {
  id: '5f0c7a52-8c1e-4a57-9a57-1f4f8e2b8f10',
  registryName: 'crates-io',
  name: 'publish from CI',
  expiresAt: '2026-09-01T00:00:00.000Z',
  importedAt: '2026-06-01T12:30:00+02:00',
};

const dates = fc.constantFrom(
  '2026-06-01T00:00:00Z',
  '2026-06-01T00:00:00.123456+02:00',
  '2024-02-29T23:59:59Z',
  '2026-02-29T00:00:00Z',
  '2026-06-01T24:00:00Z',
  '2026-06-01',
  '2026-06-01T00:00Z',
  '',
);
const anyValue = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('crates-io', 'my_reg-2', 'rég', 'a'.repeat(64), 'a'.repeat(65), 'x'.repeat(201)),
  dates,
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);
const tokenLike = fc.oneof(
  fc.record(
    {
      id: anyValue,
      registryName: anyValue,
      name: anyValue,
      expiresAt: anyValue,
      importedAt: anyValue,
    },
    { requiredKeys: [] },
  ),
  fc.record({
    id: fc.string({ minLength: 1 }),
    registryName: fc.constant('crates-io'),
    name: fc.string({ minLength: 1, maxLength: 200 }),
    expiresAt: fc.oneof(dates, fc.constant(null)),
    importedAt: dates,
  }),
  anyValue,
);

describe('checkImportedTokens', () => {
  it('accepts exactly what the zod schema accepts', () => {
    const schema = z.array(importedTokenSchema);
    fc.assert(
      fc.property(fc.array(tokenLike, { maxLength: 4 }), (tokens) => {
        const byHand = checkImportedTokens(tokens);
        const byZod = schema.safeParse(tokens);
        expect(byHand.ok).toBe(byZod.success);
        if (byHand.ok && byZod.success) expect(schema.parse(byHand.tokens)).toEqual(byZod.data);
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});

describe('the imported tokens file', () => {
  it('is absent before the first import', async () => {
    expect(await readImportedTokensFile(file)).toBeNull();
  });

  it('round-trips, written compactly with the declared fields only', async () => {
    await writeImportedTokensFile(file, [{ ...TOKEN, extra: 'dropped' } as ImportedToken]);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('dropped');
    expect(text.trimEnd()).not.toContain('\n');
    expect(await readImportedTokensFile(file)).toEqual([TOKEN]);
  });

  it.each([
    ['not JSON', '{"format": '],
    ['another format', JSON.stringify({ format: 'other', version: 1, tokens: [] })],
    [
      'a token that does not fit',
      JSON.stringify({
        format: 'cratekeeper-imported-tokens',
        version: 1,
        tokens: [TOKEN, { ...TOKEN, name: '', registryName: 'private-value' }],
      }),
    ],
  ])('refuses a file that is %s, naming where but quoting nothing', async (_what, content) => {
    await writeFile(file, content);
    const reading = readImportedTokensFile(file);
    await expect(reading).rejects.toThrow(ImportedTokensFileCorruptError);
    await expect(reading).rejects.not.toThrow(/private-value/);
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('says which token and field do not fit', async () => {
    const tokens = [TOKEN, { ...TOKEN, expiresAt: '2026-13-01T00:00:00Z' }];
    await writeFile(
      file,
      JSON.stringify({ format: 'cratekeeper-imported-tokens', version: 1, tokens }),
    );
    await expect(readImportedTokensFile(file)).rejects.toThrow(/tokens\.1\.expiresAt/);
  });
});
