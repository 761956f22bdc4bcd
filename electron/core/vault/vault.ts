import { isDeepStrictEqual } from 'node:util';
import { TamperedSecretError, type DecryptResult, type SecretCipher } from './secret-cipher';
import type { CipherHeader } from './vault-header';
import {
  readVaultFile,
  removeStaleTempFiles,
  VAULT_FORMAT,
  vaultFilePath,
  vaultRecordSchema,
  writeVaultFile,
  type SecretKind,
  type VaultContents,
  type VaultRecord,
} from './vault-file';

interface PendingPut {
  readonly id: string;
  readonly kind: SecretKind;
  readonly plaintext: string;
}

/** No secret is stored under that id. */
export class SecretNotFoundError extends Error {
  constructor(id: string) {
    super(`No secret is stored for ${id}.`);
    this.name = 'SecretNotFoundError';
  }
}

/** The vault file was sealed with another cipher (or another passphrase vault) than the one given. */
export class VaultHeaderMismatchError extends Error {
  constructor(onDisk: CipherHeader['kind'], given: CipherHeader['kind']) {
    super(
      onDisk === given
        ? `The vault file belongs to another ${onDisk} vault than the cipher given.`
        : `The vault file was sealed with the ${onDisk} cipher, not the ${given} cipher.`,
    );
    this.name = 'VaultHeaderMismatchError';
  }
}

/**
 * What the vault file says about its cipher, or null when there is no vault
 * yet. The composition root reads it first to know whether to use the OS
 * keychain or to ask for the passphrase.
 */
export async function readVaultHeader(dataDir: string): Promise<CipherHeader | null> {
  return (await readVaultFile(vaultFilePath(dataDir)))?.cipher ?? null;
}

/**
 * Each record is sealed for its slot, kind and id together, so a ciphertext
 * copied to another id, or relabelled from token to session cookie, no longer
 * opens. JSON keeps the two parts unambiguous whatever characters an id holds.
 */
function bindingOf(kind: SecretKind, id: string): string {
  return JSON.stringify([kind, id]);
}

/**
 * The app's secrets (session cookies and token secrets), sealed by a cipher and
 * kept in `vault.json`. Plaintext exists only in memory, between `reveal` and
 * its caller; it is never written, and no error message carries it.
 *
 * Operations run one at a time, so a re-encryption during `reveal` cannot undo
 * a `delete` or `put` that was issued meanwhile, and the file always holds the
 * last completed state.
 */
export class Vault {
  private records: ReadonlyMap<string, VaultRecord>;
  private queue: Promise<unknown> = Promise.resolve();
  /** The puts waiting for their turn together, while nothing else was queued after them. */
  private putBatch: { readonly items: PendingPut[]; readonly done: Promise<void> } | null = null;

  private constructor(
    private readonly path: string,
    private cipher: SecretCipher,
    records: ReadonlyMap<string, VaultRecord>,
  ) {
    this.records = records;
  }

  /**
   * Opens `vault.json` in `dataDir` with `cipher`, creating it (header only) if
   * there is none, so a new passphrase vault's salt and verifier are on disk
   * at once.
   */
  static async open(
    dataDir: string,
    cipher: SecretCipher,
    /** The file as the caller just read it (readVaultFile), so it is not read and parsed twice. */
    read?: { readonly document: VaultContents | null },
  ): Promise<Vault> {
    const path = vaultFilePath(dataDir);
    await removeStaleTempFiles(path);
    const document = read ? read.document : await readVaultFile(path);
    if (document && !isDeepStrictEqual(document.cipher, cipher.header)) {
      throw new VaultHeaderMismatchError(document.cipher.kind, cipher.kind);
    }
    const vault = new Vault(path, cipher, document?.records ?? new Map());
    if (!document) await vault.save(vault.records);
    return vault;
  }

  get cipherKind(): CipherHeader['kind'] {
    return this.cipher.kind;
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  kindOf(id: string): SecretKind | null {
    return this.records.get(id)?.kind ?? null;
  }

  /** Ids of the stored secrets, of one kind or all. Works while a passphrase vault is locked. */
  ids(kind?: SecretKind): string[] {
    return [...this.records.values()]
      .filter((record) => kind === undefined || record.kind === kind)
      .map((record) => record.id);
  }

  /**
   * Seals and stores a secret, replacing any under the same id. Puts issued
   * while the same one waits its turn (many imports at once) are sealed and
   * written together: one write of the file for all of them, and each
   * resolves once that write is on disk. A batch is all or nothing.
   */
  put(id: string, kind: SecretKind, plaintext: string): Promise<void> {
    if (!vaultRecordSchema.shape.id.safeParse(id).success) {
      return Promise.reject(new RangeError('A vault record id must be 1 to 512 characters long.'));
    }
    if (!this.putBatch) {
      const items: PendingPut[] = [];
      const done = this.exclusive(async () => {
        // Later puts start a batch of their own.
        if (this.putBatch?.items === items) this.putBatch = null;
        const next = new Map(this.records);
        for (const item of items) {
          const sealed = await this.cipher.encrypt(item.plaintext, bindingOf(item.kind, item.id));
          next.set(item.id, { id: item.id, kind: item.kind, sealed });
        }
        await this.save(next);
      });
      // Set after exclusive(), which ends any batch open before it.
      this.putBatch = { items, done };
    }
    this.putBatch.items.push({ id, kind, plaintext });
    return this.putBatch.done;
  }

  /**
   * Decrypts a secret for one use. When the cipher says it was sealed under an
   * older key (the OS rotated it), it is sealed again and saved; if that fails,
   * the old record still opens, so the secret is returned anyway and the next
   * reveal tries again.
   */
  reveal(id: string): Promise<string> {
    return this.exclusive(async () => {
      const record = this.records.get(id);
      if (!record) throw new SecretNotFoundError(id);
      const binding = bindingOf(record.kind, record.id);
      const { plaintext, shouldReEncrypt } = await this.open(record);
      if (shouldReEncrypt) {
        try {
          const sealed = await this.cipher.encrypt(plaintext, binding);
          await this.save(withRecord(this.records, { ...record, sealed }));
        } catch {
          // Deliberately quiet: see above. Nothing about the secret may be logged.
        }
      }
      return plaintext;
    });
  }

  /** Forgets a secret; false if there was none. */
  delete(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.records.has(id)) return false;
      const next = new Map(this.records);
      next.delete(id);
      await this.save(next);
      return true;
    });
  }

  /**
   * Re-seals every secret with another cipher and switches to it in one atomic
   * write: changing the passphrase, or moving between the OS keychain and a
   * passphrase. Both ciphers must be usable (a passphrase cipher unlocked).
   */
  rekey(next: SecretCipher): Promise<void> {
    return this.exclusive(async () => {
      const resealed = new Map<string, VaultRecord>();
      for (const record of this.records.values()) {
        const { plaintext } = await this.open(record);
        const sealed = await next.encrypt(plaintext, bindingOf(record.kind, record.id));
        resealed.set(record.id, { ...record, sealed });
      }
      await this.save(resealed, next);
      this.cipher = next;
    });
  }

  /** Decrypts a record; a refusal names the record's id rather than the cipher's binding. */
  private async open(record: VaultRecord): Promise<DecryptResult> {
    try {
      return await this.cipher.decrypt(record.sealed, bindingOf(record.kind, record.id));
    } catch (error) {
      if (error instanceof TamperedSecretError)
        throw new TamperedSecretError(record.id, error.reason);
      throw error;
    }
  }

  /** Writes the file first; memory follows only once the new state is on disk. */
  private async save(
    records: ReadonlyMap<string, VaultRecord>,
    cipher: SecretCipher = this.cipher,
  ): Promise<void> {
    await writeVaultFile(this.path, {
      format: VAULT_FORMAT,
      version: 1,
      cipher: cipher.header,
      records: [...records.values()],
    });
    this.records = records;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    // Puts may join a batch only while nothing else was queued after it, so
    // a delete or reveal issued in between keeps its place in the order.
    this.putBatch = null;
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function withRecord(
  records: ReadonlyMap<string, VaultRecord>,
  record: VaultRecord,
): Map<string, VaultRecord> {
  return new Map(records).set(record.id, record);
}
