import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { cipherHeaderSchema } from './vault-header';

/**
 * The vault file, `vault.json` in the app's data directory: the cipher header
 * and the sealed records. Nothing in it is plaintext; everything secret is in
 * `sealed`, which only the cipher can open.
 */
export const VAULT_FILE_NAME = 'vault.json';
export const VAULT_FORMAT = 'cratekeeper-vault';

export const secretKindSchema = z.enum(['session-cookie', 'token']);
export type SecretKind = z.infer<typeof secretKindSchema>;

export const vaultRecordSchema = z.object({
  id: z.string().min(1).max(512),
  kind: secretKindSchema,
  sealed: z.string().min(1),
});
export type VaultRecord = z.infer<typeof vaultRecordSchema>;

// Records are a list, not an object keyed by id: ids come from callers, and a
// key like "__proto__" must stay an ordinary string.
export const vaultDocumentSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(1),
  cipher: cipherHeaderSchema,
  records: z
    .array(vaultRecordSchema)
    .refine((records) => new Set(records.map((r) => r.id)).size === records.length, {
      error: 'duplicate record id',
    }),
});
export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

/** The vault file exists but is not a vault this version can read. */
export class VaultFileCorruptError extends Error {
  constructor(path: string, reason: string) {
    super(`The vault file ${path} cannot be read: ${reason}.`);
    this.name = 'VaultFileCorruptError';
  }
}

export function vaultFilePath(dataDir: string): string {
  return join(dataDir, VAULT_FILE_NAME);
}

/** The document on disk, or null when there is no vault yet. */
export async function readVaultFile(path: string): Promise<VaultDocument | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not chained: JSON.parse's message quotes the text around the error.
    throw new VaultFileCorruptError(path, 'not valid JSON');
  }
  const parsed = vaultDocumentSchema.safeParse(json);
  if (!parsed.success) {
    // Issue paths only: the messages could quote values, and values here are sealed secrets.
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new VaultFileCorruptError(path, `unexpected content at ${where.join(', ')}`);
  }
  return parsed.data;
}

/**
 * Replaces the file atomically (PRODUCT.md, "Nothing lost"): write-file-atomic
 * writes a temporary file beside it, fsyncs it and renames it over the old one,
 * so a kill at any moment leaves either the old or the new vault. The
 * directory is fsynced after the rename so the rename itself survives a power
 * cut. Owner-only permissions, always (not copied from an older file).
 */
export async function writeVaultFile(path: string, document: VaultDocument): Promise<void> {
  const data = `${JSON.stringify(vaultDocumentSchema.parse(document), null, 2)}\n`;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, data, { mode: 0o600, fsync: true, encoding: 'utf8' });
  await fsyncDirectory(dirname(path));
}

/**
 * Removes temporary files a killed writer left beside the vault
 * (write-file-atomic names them `<file>.<number>`). They hold sealed copies of
 * the vault, possibly of secrets deleted since; leaving them would keep those
 * on disk. Call only before this process writes the vault: the app runs as a
 * single instance, so no other writer can be mid-write then.
 */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  const stale = names.filter(
    (name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)),
  );
  await Promise.all(stale.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
}

async function fsyncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; its rename is durable enough there.
    if (
      isErrnoException(error) &&
      ['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes(error.code ?? '')
    )
      return;
    throw error;
  } finally {
    await handle?.close();
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
