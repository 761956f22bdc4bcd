import { join } from 'node:path';
import { z } from 'zod';
import { CARGO_REGISTRY_NAME } from '../../../shared/domain/token-import';
import { readTextFile, writeFileDurably } from './durable-file';
import type { ImportedToken } from './metadata';

/**
 * The imported tokens' facts (never their secrets, which are in the vault),
 * `imported-tokens.json` in the app's data folder. They used to be a key of
 * the metadata store, but conf reads and parses its whole file three times
 * when it opens and once more before every write: with thousands of imported
 * tokens that was most of the app's start and of every import. This file is
 * read once, checked by hand and written compactly.
 */
export const IMPORTED_TOKENS_FILE_NAME = 'imported-tokens.json';
const IMPORTED_TOKENS_FORMAT = 'cratekeeper-imported-tokens';

/** Same pattern as zod's `z.iso.datetime({ offset: true })` (a test holds them together). */
const ISO_DATETIME = z.regexes.datetime({ offset: true, local: false, precision: null });

/** The file exists but is not one this version can read. Nothing of its content is quoted. */
export class ImportedTokensFileCorruptError extends Error {
  constructor(path: string, reason: string) {
    super(`The imported tokens file ${path} cannot be read: ${reason}.`);
    this.name = 'ImportedTokensFileCorruptError';
  }
}

export function importedTokensFilePath(dataDir: string): string {
  return join(dataDir, IMPORTED_TOKENS_FILE_NAME);
}

const isDatetime = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATETIME.test(value);

/**
 * The tokens as `z.array(importedTokenSchema)` would give them (a property
 * test holds the two together), or where the first problem is. By hand:
 * the zod parse of 5,000 of them cost more than the rest of the first answer.
 */
export function checkImportedTokens(
  tokens: readonly unknown[],
): { ok: true; tokens: ImportedToken[] } | { ok: false; where: string } {
  for (let index = 0; index < tokens.length; index += 1) {
    const problem = problemOf(tokens[index]);
    if (problem !== null) {
      return { ok: false, where: problem ? `tokens.${index}.${problem}` : `tokens.${index}` };
    }
  }
  // Kept as parsed, not copied (thousands of them at start): only the
  // declared fields are ever read, and writeImportedTokensFile writes only them.
  return { ok: true, tokens: tokens as ImportedToken[] };
}

/** The field of a token that does not fit, '' for the token itself, or null. */
function problemOf(token: unknown): string | null {
  if (typeof token !== 'object' || token === null || Array.isArray(token)) return '';
  const { id, registryName, name, expiresAt, importedAt } = token as Record<string, unknown>;
  if (typeof id !== 'string' || id.length < 1) return 'id';
  if (typeof registryName !== 'string' || !CARGO_REGISTRY_NAME.test(registryName)) {
    return 'registryName';
  }
  if (typeof name !== 'string' || name.length < 1 || name.length > 200) return 'name';
  if (expiresAt !== null && !isDatetime(expiresAt)) return 'expiresAt';
  if (!isDatetime(importedAt)) return 'importedAt';
  return null;
}

/** The tokens on disk, or null when there is no file yet. */
export async function readImportedTokensFile(path: string): Promise<ImportedToken[] | null> {
  const text = await readTextFile(path);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportedTokensFileCorruptError(path, 'not valid JSON');
  }
  const document = json as { format?: unknown; version?: unknown; tokens?: unknown } | null;
  if (
    typeof document !== 'object' ||
    document === null ||
    document.format !== IMPORTED_TOKENS_FORMAT ||
    document.version !== 1 ||
    !Array.isArray(document.tokens)
  ) {
    throw new ImportedTokensFileCorruptError(path, 'not an imported tokens file of version 1');
  }
  const checked = checkImportedTokens(document.tokens as unknown[]);
  if (!checked.ok) {
    throw new ImportedTokensFileCorruptError(path, `unexpected content at ${checked.where}`);
  }
  return checked.tokens;
}

/** Replaces the file atomically and durably, compact (it is rewritten whole at each import). */
export async function writeImportedTokensFile(
  path: string,
  tokens: readonly ImportedToken[],
): Promise<void> {
  const document = {
    format: IMPORTED_TOKENS_FORMAT,
    version: 1,
    // The declared fields only, as a stripping parse would write them.
    tokens: tokens.map(({ id, registryName, name, expiresAt, importedAt }) => ({
      id,
      registryName,
      name,
      expiresAt,
      importedAt,
    })),
  };
  await writeFileDurably(path, `${JSON.stringify(document)}\n`);
}
