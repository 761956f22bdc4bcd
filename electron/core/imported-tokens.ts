import { randomUUID } from 'node:crypto';
import { classifyToken } from '../../shared/domain/expiry';
import { importedTokenKeyOf, type TokenView } from '../../shared/domain/token';
import type { ImportTokenInput } from '../../shared/domain/token-import';
import type { ImportedToken } from './store/metadata';
import type { MetadataStore } from './store/metadata-store';
import { tokenSecretId } from './token-secrets';
import type { VaultService } from './vault-service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tokens the user pasted (created elsewhere, or for a registry without a
 * crates.io-style API): the secret goes into the vault at once, the facts the
 * user gave into the metadata store, and they are listed and warned about like
 * the others.
 */
export class ImportedTokens {
  /** Records waiting for the next write of the store. */
  private pending: ImportedToken[] = [];
  private keeping: Promise<void> | null = null;

  constructor(
    private readonly store: MetadataStore,
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
    await vault.put(tokenSecretId(importedTokenKeyOf(record.id)), 'token', input.token);
    await this.keep(record);
    return this.viewOf(record, now);
  }

  /**
   * Adds the record to the metadata store. Records of imports made together
   * (their secrets were written in one vault write) join one write of the
   * store, which rewrites the whole list; each import resolves once it is in.
   */
  private keep(record: ImportedToken): Promise<void> {
    this.pending.push(record);
    this.keeping ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const records = this.pending;
        this.pending = [];
        this.keeping = null;
        try {
          this.store.set('importedTokens', [...this.store.get('importedTokens'), ...records]);
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    return this.keeping;
  }

  /** As the registry does: expired ones only within `expiredDays`, never otherwise. */
  views(now: Date, expiredDays = 0): TokenView[] {
    return this.store
      .get('importedTokens')
      .filter(
        (token) =>
          token.expiresAt === null ||
          new Date(token.expiresAt).getTime() > now.getTime() - expiredDays * DAY_MS,
      )
      .map((token) => this.viewOf(token, now));
  }

  private viewOf(token: ImportedToken, now: Date): TokenView {
    const key = importedTokenKeyOf(token.id);
    const status = classifyToken({ expiresAt: token.expiresAt, endpointScopes: [] }, now);
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
