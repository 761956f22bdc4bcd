import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { apiTokenWireSchema, type ApiTokenWire } from '../../shared/domain/api-token';
import { parseRegistryTokenKey } from '../../shared/domain/token-key';
import { removeStaleTempFiles } from './vault/vault-file';

/**
 * The last known token list of each account, `token-cache.json` in the app's
 * data folder, so that a registry that cannot be reached still leaves the
 * user their list (marked with its age) instead of an empty page.
 *
 * Only the registry's own list metadata is kept: the list endpoint never
 * carries a secret, and every entry is parsed with the wire schema, which
 * strips any field it does not declare, before it is kept or written.
 */
export const TOKEN_CACHE_FILE_NAME = 'token-cache.json';
const TOKEN_CACHE_FORMAT = 'cratekeeper-token-cache';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A newer fetch with the same tokens is kept in memory at once but written
 * only once the file's fetch time lags by this much: the file then says the
 * list is at most this much older than it is (never younger), and an
 * unchanged list refreshed every minute does not rewrite the file every minute.
 */
const FETCHED_AT_WRITE_SLACK_MS = 15 * 60 * 1000;

const cachedListSchema = z.object({
  accountId: z.string().min(1).max(512),
  /** ISO time the registry gave this answer. */
  fetchedAt: z.iso.datetime({ offset: true }),
  /** The `expired_days` the list was asked with; null = none (no expired tokens). */
  expiredDays: z.int().min(0).max(365).nullable(),
  // apiTokenWireSchema is a stripping z.object without a `token` field, so
  // nothing secret survives a parse even if a registry sent it.
  tokens: z.array(apiTokenWireSchema),
});
export type CachedList = z.infer<typeof cachedListSchema>;

// A list, not an object keyed by account id: ids come from registries, and a
// key like "__proto__" must stay an ordinary string.
const tokenCacheDocumentSchema = z.object({
  format: z.literal(TOKEN_CACHE_FORMAT),
  version: z.literal(1),
  accounts: z
    .array(cachedListSchema)
    .refine((lists) => new Set(lists.map((list) => list.accountId)).size === lists.length, {
      error: 'duplicate account id',
    }),
});
type TokenCacheDocument = z.infer<typeof tokenCacheDocumentSchema>;

export function tokenCacheFilePath(dataDir: string): string {
  return join(dataDir, TOKEN_CACHE_FILE_NAME);
}

/**
 * The tokens of a cached list that the registry would still list at `now`
 * when asked with `expiredDays`: a token that expired since the fetch drops
 * out as it would from a fresh answer. Asked for more expired days than the
 * list was fetched with, the answer lacks the tokens that expired before
 * the fetch's own window; it is the best the app knows.
 */
export function stillListed(
  list: CachedList,
  now: Date,
  expiredDays: number | undefined,
): ApiTokenWire[] {
  const cutoff = now.getTime() - (expiredDays ?? 0) * DAY_MS;
  return list.tokens.filter(
    (token) => token.expired_at == null || new Date(token.expired_at).getTime() > cutoff,
  );
}

/** Replaces the file at `path` with `data` (tests count the writes). */
export type WriteFile = (path: string, data: string) => Promise<void>;

/** Owner-only, and all or nothing: a temporary file, fsync, then a rename over the old one. */
const writeAtomically: WriteFile = (path, data) =>
  writeFileAtomic(path, data, { mode: 0o600, encoding: 'utf8' });

/** The per-account last known lists, in memory and in their file. */
export class TokenCache {
  private readonly lists = new Map<string, CachedList>();
  /** The fetch time each account's list had when last written, to decide whether to write again. */
  private readonly written = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();
  /** A write that is queued but has not started: later changes ride along with it. */
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly path: string,
    private readonly write: WriteFile,
  ) {}

  /**
   * Loads the file. A missing, unreadable, corrupt or foreign file counts as
   * an empty cache: it is only a convenience, never a reason not to start.
   */
  static async open(dataDir: string, write: WriteFile = writeAtomically): Promise<TokenCache> {
    const cache = new TokenCache(tokenCacheFilePath(dataDir), write);
    // A killed writer's temporary copies hold nothing secret, but would pile up.
    await removeStaleTempFiles(cache.path).catch(() => undefined);
    const document = await readDocument(cache.path);
    for (const list of document?.accounts ?? []) {
      cache.lists.set(list.accountId, list);
      cache.written.set(list.accountId, list.fetchedAt);
    }
    return cache;
  }

  get(accountId: string): CachedList | null {
    return this.lists.get(accountId) ?? null;
  }

  /**
   * Keeps a successful answer for an account. An answer older than the one
   * already kept (two refreshes overlapping) is ignored. Resolves once the
   * file is written if anything worth writing changed.
   */
  async remember(
    accountId: string,
    tokens: readonly ApiTokenWire[],
    expiredDays: number | undefined,
    fetchedAt: Date,
  ): Promise<void> {
    const previous = this.lists.get(accountId);
    if (previous && new Date(previous.fetchedAt).getTime() > fetchedAt.getTime()) return;
    const list = cachedListSchema.parse({
      accountId,
      fetchedAt: fetchedAt.toISOString(),
      expiredDays: expiredDays ?? null,
      tokens,
    });
    this.lists.set(accountId, list);
    if (!this.worthWriting(previous, list)) return;
    await this.persist();
  }

  /** Forgets an account's list (the account was removed). */
  async forget(accountId: string): Promise<void> {
    if (!this.lists.delete(accountId)) return;
    this.written.delete(accountId);
    await this.persist();
  }

  /**
   * Drops a revoked token, named by its list key, so the last known list does
   * not bring it back while the registry cannot be reached.
   */
  async forgetTokenByKey(key: string): Promise<void> {
    const ref = parseRegistryTokenKey(key);
    if (ref) await this.forgetToken(ref.accountId, ref.tokenId);
  }

  async forgetToken(accountId: string, tokenId: number): Promise<void> {
    const list = this.lists.get(accountId);
    if (!list?.tokens.some((token) => token.id === tokenId)) return;
    this.lists.set(accountId, {
      ...list,
      tokens: list.tokens.filter((token) => token.id !== tokenId),
    });
    await this.persist();
  }

  private worthWriting(previous: CachedList | undefined, next: CachedList): boolean {
    if (!previous) return true;
    const writtenAt = this.written.get(next.accountId);
    if (writtenAt === undefined) return true;
    if (previous.expiredDays !== next.expiredDays) return true;
    if (JSON.stringify(previous.tokens) !== JSON.stringify(next.tokens)) return true;
    return (
      new Date(next.fetchedAt).getTime() - new Date(writtenAt).getTime() > FETCHED_AT_WRITE_SLACK_MS
    );
  }

  /** Resolves once every change made so far is on disk (or its write failed). */
  settled(): Promise<void> {
    return this.writing;
  }

  /**
   * Writes the whole cache as it is when the write starts, one write at a
   * time; changes made while a write is queued join it, so ten accounts
   * answering at once cost two writes, not ten (each one fsyncs the whole
   * file, which a busy disk makes slow). A failed write is dropped: the lists
   * stay in memory, the old file stays whole (write-file-atomic renames over
   * it only once written), and the next change tries again.
   */
  private persist(): Promise<void> {
    if (this.queued) return this.queued;
    const run = async (): Promise<void> => {
      this.queued = null;
      const lists = [...this.lists.values()];
      const document: TokenCacheDocument = {
        format: TOKEN_CACHE_FORMAT,
        version: 1,
        accounts: lists,
      };
      try {
        const data = `${JSON.stringify(tokenCacheDocumentSchema.parse(document))}\n`;
        await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
        await this.write(this.path, data);
        this.written.clear();
        for (const list of lists) this.written.set(list.accountId, list.fetchedAt);
      } catch {
        // Only a convenience: a full disk must not fail the token list.
      }
    };
    const queued = this.writing.then(run);
    this.queued = queued;
    this.writing = queued;
    return queued;
  }
}

async function readDocument(path: string): Promise<TokenCacheDocument | null> {
  try {
    const parsed = tokenCacheDocumentSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
