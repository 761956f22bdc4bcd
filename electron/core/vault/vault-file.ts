import { join } from 'node:path';
import { z } from 'zod';
import { readTextFile, writeFileDurably } from '../store/durable-file';
import { cipherHeaderSchema, type CipherHeader } from './vault-header';

export { removeStaleTempFiles } from '../store/durable-file';

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

const SECRET_KINDS: ReadonlySet<unknown> = new Set(secretKindSchema.options);

// Records are a list, not an object keyed by id: ids come from callers, and a
// key like "__proto__" must stay an ordinary string.
/** The format's definition. Files are read and written with the same rules, checked faster (below). */
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

/** Everything but the records, which are checked by hand (`checkRecords`). */
const documentShellSchema = vaultDocumentSchema.omit({ records: true });

/**
 * The records, as `vaultRecordSchema` and the unique-id rule would give them
 * (a test holds the two together), or where the first problem is. Checked by
 * hand because a vault holds thousands of records and a zod parse of each
 * one was most of the app's start. Only the shape is checked: nothing is
 * decrypted here, and a damaged sealed text is refused by the cipher when
 * that record is used (TamperedSecretError), never handed out.
 */
export function checkRecords(
  records: readonly unknown[],
): { ok: true; records: Map<string, VaultRecord> } | { ok: false; where: string } {
  const checked = new Map<string, VaultRecord>();
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return { ok: false, where: `records.${index}` };
    }
    const { id, kind, sealed } = record as Record<string, unknown>;
    if (typeof id !== 'string' || id.length < 1 || id.length > 512) {
      return { ok: false, where: `records.${index}.id` };
    }
    if (!SECRET_KINDS.has(kind)) return { ok: false, where: `records.${index}.kind` };
    if (typeof sealed !== 'string' || sealed.length < 1) {
      return { ok: false, where: `records.${index}.sealed` };
    }
    // Kept as parsed (no copy of thousands of records at start): only these
    // three fields are ever read, and writeVaultFile writes only them.
    const size = checked.size;
    checked.set(id, record as VaultRecord);
    if (checked.size === size) return { ok: false, where: 'records' };
  }
  return { ok: true, records: checked };
}

/** What a vault file holds, its records by id. */
export interface VaultContents {
  readonly cipher: CipherHeader;
  readonly records: ReadonlyMap<string, VaultRecord>;
}

/** The vault on disk, or null when there is none yet. */
export async function readVaultFile(path: string): Promise<VaultContents | null> {
  const text = await readTextFile(path);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not chained: JSON.parse's message quotes the text around the error.
    throw new VaultFileCorruptError(path, 'not valid JSON');
  }
  const shell = documentShellSchema.safeParse(json);
  if (!shell.success) {
    // Issue paths only: the messages could quote values, and values here are sealed secrets.
    const where = shell.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new VaultFileCorruptError(path, `unexpected content at ${where.join(', ')}`);
  }
  const list = (json as { records?: unknown }).records;
  if (!Array.isArray(list)) throw new VaultFileCorruptError(path, 'unexpected content at records');
  const records = checkRecords(list as unknown[]);
  if (!records.ok) throw new VaultFileCorruptError(path, `unexpected content at ${records.where}`);
  return { cipher: shell.data.cipher, records: records.records };
}

/**
 * Replaces the file atomically and durably (writeFileDurably). Compact JSON:
 * the file is rewritten whole on every change, and spaces would only make
 * each write and each start slower (files written indented still read).
 */
export async function writeVaultFile(path: string, document: VaultDocument): Promise<void> {
  const records = checkRecords(document.records);
  if (!records.ok) throw new RangeError(`Refusing to write a vault record: ${records.where}`);
  const checked = {
    ...documentShellSchema.parse(document),
    // The declared fields only, as a stripping parse would write them.
    records: [...records.records.values()].map(({ id, kind, sealed }) => ({ id, kind, sealed })),
  };
  await writeFileDurably(path, `${JSON.stringify(checked)}\n`);
}
