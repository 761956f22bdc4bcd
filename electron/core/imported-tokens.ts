import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { classifyToken, DEFAULT_WARNING_DAYS } from '../../shared/domain/expiry';
import { importedTokenKeyOf, type TokenView } from '../../shared/domain/token';
import type { ImportTokenInput } from '../../shared/domain/token-import';
import { removeStaleTempFiles } from './store/durable-file';
import {
  checkImportedTokens,
  importedTokensFilePath,
  readImportedTokensFile,
  writeImportedTokensFile,
} from './store/imported-token-file';
import type { ImportedToken } from './store/metadata';
import type { MetadataStore } from './store/metadata-store';
import { tokenSecretId } from './token-secrets';
import type { VaultService } from './vault-service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The imported tokens as kept on disk (`imported-tokens.json`), moving any
 * that an older version kept in the metadata store into that file first.
 * They are written there before they are taken out of the store, so a kill
 * in between leaves them in both places (merged by id at the next start),
 * never in neither.
 */
export async function loadImportedTokens(
  dataDir: string,
  store: MetadataStore,
): Promise<ImportedToken[]> {
  const path = importedTokensFilePath(dataDir);
  // A killed writer's temporary copies hold nothing secret, but would pile up.
  await removeStaleTempFiles(path).catch(() => undefined);
  const onDisk = (await readImportedTokensFile(path)) ?? [];
  const legacy = store.get('importedTokens');
  if (legacy.length === 0) return onDisk;
  const known = new Set(onDisk.map((token) => token.id));
  const merged = [...onDisk, ...legacy.filter((token) => !known.has(token.id))];
  await writeImportedTokensFile(path, merged);
  store.set('importedTokens', []);
  return merged;
}

/**
 * Tokens the user pasted (created elsewhere, or for a registry without a
 * crates.io-style API): the secret goes into the vault at once, the facts the
 * user gave into their own file, and they are listed and warned about like
 * the others.
 */
export class ImportedTokens {
  /** Records waiting for the next write of the file. */
  private pending: ImportedToken[] = [];
  /** The write that will take the pending records, once the one before it is done. */
  private nextWrite: Promise<void> | null = null;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    /** As on disk: memory follows the file only once a write went through. */
    private tokens: readonly ImportedToken[],
    private readonly vault: VaultService,
  ) {}

  async add(input: ImportTokenInput, now: Date): Promise<TokenView> {
    const vault = this.vault.get();
    const record: ImportedToken = {
      id: randomUUID(),
      registryName: input.registryName,
      name: input.name,
      expiresAt: input.expiresAt,
      importedAt: now.toISOString(),
    };
    // Before the secret is stored: a record the file could not hold must not leave a secret behind.
    const checked = checkImportedTokens([record]);
    if (!checked.ok) throw new Error(`Invalid imported token: ${checked.where}`);
    await vault.put(tokenSecretId(importedTokenKeyOf(record.id)), 'token', input.token);
    await this.keep(record);
    return this.viewOf(record, now);
  }

  /**
   * Adds the record to the file. Records of imports made together (their
   * secrets were written in one vault write) join one write of the file,
   * which holds the whole list; each import resolves once it is on disk.
   */
  private keep(record: ImportedToken): Promise<void> {
    this.pending.push(record);
    if (!this.nextWrite) {
      const write = this.lastWrite
        .then(() => nextTurn())
        .then(async () => {
          // Records kept from here on wait for the write after this one.
          this.nextWrite = null;
          const next = [...this.tokens, ...this.pending];
          this.pending = [];
          await writeImportedTokensFile(importedTokensFilePath(this.dataDir), next);
          this.tokens = next;
        });
      this.nextWrite = write;
      this.lastWrite = write.catch(() => undefined);
    }
    return this.nextWrite;
  }

  /**
   * Takes an imported token off the list (its secret is the caller's to
   * forget); false when there was none. Written after any import queued
   * before it, so the two never overwrite each other.
   */
  remove(id: string): Promise<boolean> {
    const write = this.lastWrite.then(async () => {
      const next = this.tokens.filter((token) => token.id !== id);
      if (next.length === this.tokens.length) return false;
      await writeImportedTokensFile(importedTokensFilePath(this.dataDir), next);
      this.tokens = next;
      return true;
    });
    this.lastWrite = write.then(
      () => undefined,
      () => undefined,
    );
    return write;
  }

  /** As the registry does: expired ones only within `expiredDays`, never otherwise. */
  views(now: Date, expiredDays = 0, warnWithinDays: number = DEFAULT_WARNING_DAYS[0]): TokenView[] {
    const cutoff = now.getTime() - expiredDays * DAY_MS;
    const views: TokenView[] = [];
    for (const token of this.tokens) {
      if (token.expiresAt === null || Date.parse(token.expiresAt) > cutoff) {
        views.push(this.viewOf(token, now, warnWithinDays));
      }
    }
    return views;
  }

  private viewOf(
    token: ImportedToken,
    now: Date,
    warnWithinDays: number = DEFAULT_WARNING_DAYS[0],
  ): TokenView {
    const key = importedTokenKeyOf(token.id);
    const status = classifyToken(
      { expiresAt: token.expiresAt, endpointScopes: [] },
      now,
      warnWithinDays,
    );
    return {
      key,
      source: 'imported',
      accountId: null,
      tokenId: null,
      registryName: token.registryName,
      name: token.name,
      endpointScopes: null,
      cratePatterns: null,
      createdAt: token.importedAt,
      lastUsedAt: null,
      expiresAt: token.expiresAt,
      status,
      secretHeld: this.vault.peek()?.has(tokenSecretId(key)) ?? false,
    };
  }
}
