import { mkdir } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { apiTokenWireSchema, type ApiTokenWire } from '../../shared/domain/api-token';
import { parseRegistryTokenKey } from '../../shared/domain/token-key';
import { readTextFile, removeStaleTempFiles } from './store/durable-file';

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

/** One account's successful answer, for `rememberAll`. */
export interface AccountAnswer {
  readonly accountId: string;
  readonly tokens: readonly ApiTokenWire[];
}

/**
 * The per-account last known lists, in memory and in their file.
 *
 * The file is read and validated on first use, not at start: the app's first
 * answer must not wait for a list it may never need (only an account that
 * cannot be reached is shown from it).
 */
export class TokenCache {
  private readonly lists = new Map<string, CachedList>();
  /** The fetch time each account's list had when last written, to decide whether to write again. */
  private readonly written = new Map<string, string>();
  private loading: Promise<void> | null = null;
  /**
   * Answers handed to rememberSoon, not kept (copied and compared) yet: that
   * waits until the answer that carries them has gone out, and happens at
   * once when anything reads or changes the lists first.
   */
  private unkept: (() => boolean)[] = [];
  /** The work rememberSoon scheduled (keeping, then writing). */
  private pending: Promise<void> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();
  /** A write that is queued but has not started: later changes ride along with it. */
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly path: string,
    private readonly write: WriteFile,
  ) {}

  /** A cache on `token-cache.json` in `dataDir`; nothing is read until it is first used. */
  static open(dataDir: string, write: WriteFile = writeAtomically): Promise<TokenCache> {
    return Promise.resolve(new TokenCache(tokenCacheFilePath(dataDir), write));
  }

  /** The last known list of an account, or null. */
  async get(accountId: string): Promise<CachedList | null> {
    this.keepUnkept();
    await this.loaded();
    return this.lists.get(accountId) ?? null;
  }

  /**
   * Keeps a successful answer for an account. An answer older than the one
   * already kept (two refreshes overlapping) is ignored. Resolves once the
   * file is written if anything worth writing changed.
   */
  remember(
    accountId: string,
    tokens: readonly ApiTokenWire[],
    expiredDays: number | undefined,
    fetchedAt: Date,
  ): Promise<void> {
    return this.rememberAll([{ accountId, tokens }], expiredDays, fetchedAt);
  }

  /**
   * Keeps the answers of one refresh together, with at most one write of the
   * file for all of them (each write is the whole file, fsynced).
   */
  async rememberAll(
    answers: readonly AccountAnswer[],
    expiredDays: number | undefined,
    fetchedAt: Date,
  ): Promise<void> {
    this.keepUnkept();
    await this.loaded();
    if (this.keep(answers, expiredDays, fetchedAt)) await this.persist();
  }

  /**
   * Keeps the answers and writes the file once the current work is done:
   * after the answer that carries these lists has gone out (copying and
   * comparing thousands of tokens must not delay it). Anything that reads or
   * changes the lists before then keeps them first, so a refresh that fails
   * right after still finds them. A failed write is dropped; `settled()`
   * waits for it.
   */
  rememberSoon(
    answers: readonly AccountAnswer[],
    expiredDays: number | undefined,
    fetchedAt: Date,
  ): void {
    if (answers.length === 0) return;
    this.unkept.push(() => this.keep(answers, expiredDays, fetchedAt));
    this.schedule(
      nextTurn().then(() => {
        this.keepUnkept();
      }),
    );
  }

  /** Keeps the answers rememberSoon was handed, and schedules a write if they changed anything. */
  private keepUnkept(): void {
    let changed = false;
    for (const keep of this.unkept.splice(0)) changed = keep() || changed;
    if (changed) this.schedule(this.loaded().then(() => this.persist()));
  }

  private schedule(work: Promise<void>): void {
    const quiet = work.catch(() => undefined);
    this.pending = Promise.all([this.pending, quiet]).then(() => undefined);
  }

  /** Puts the answers in memory; true if the file should be written for them. */
  private keep(
    answers: readonly AccountAnswer[],
    expiredDays: number | undefined,
    fetchedAt: Date,
  ): boolean {
    let changed = false;
    for (const { accountId, tokens } of answers) {
      const previous = this.lists.get(accountId);
      if (previous && new Date(previous.fetchedAt).getTime() > fetchedAt.getTime()) continue;
      const list: CachedList = {
        accountId,
        fetchedAt: fetchedAt.toISOString(),
        expiredDays: expiredDays ?? null,
        tokens: tokens.map(declaredFieldsOnly),
      };
      this.lists.set(accountId, list);
      if (this.worthWriting(previous, list)) changed = true;
    }
    return changed;
  }

  /** Forgets an account's list (the account was removed). */
  async forget(accountId: string): Promise<void> {
    this.keepUnkept();
    await this.loaded();
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
    this.keepUnkept();
    await this.loaded();
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
    if (!sameTokens(previous.tokens, next.tokens)) return true;
    return (
      new Date(next.fetchedAt).getTime() - new Date(writtenAt).getTime() > FETCHED_AT_WRITE_SLACK_MS
    );
  }

  /** Resolves once every change made so far is on disk (or its write failed). */
  async settled(): Promise<void> {
    // Keeping schedules a write, which extends `pending` while it is awaited.
    let seen: Promise<void>;
    do {
      seen = this.pending;
      await seen;
    } while (seen !== this.pending);
    await this.loading;
    await this.writing;
  }

  /**
   * Loads the file once. A missing, unreadable, corrupt or foreign file counts
   * as an empty cache: it is only a convenience, never a reason not to start.
   */
  private loaded(): Promise<void> {
    this.loading ??= (async () => {
      // A killed writer's temporary copies hold nothing secret, but would pile up.
      await removeStaleTempFiles(this.path).catch(() => undefined);
      const document = await readDocument(this.path);
      for (const list of document?.accounts ?? []) {
        // A list remembered while the file was being read is newer than the file's.
        if (this.lists.has(list.accountId)) continue;
        this.lists.set(list.accountId, list);
        this.written.set(list.accountId, list.fetchedAt);
      }
    })();
    return this.loading;
  }

  /**
   * Writes the whole cache as it is when the write starts, one write at a
   * time; changes made while a write is queued join it, so ten accounts
   * answering at once cost one or two writes, not ten (each one fsyncs the
   * whole file, which a busy disk makes slow). A failed write is dropped: the
   * lists stay in memory, the old file stays whole (write-file-atomic renames
   * over it only once written), and the next change tries again.
   *
   * Every list in memory is valid already (parsed from the file, or built
   * from an answer the registry client parsed, cut to the declared fields),
   * so the document is not parsed again before it is written.
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
        const data = `${JSON.stringify(document)}\n`;
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

/**
 * A copy with only the fields the wire schema declares, as its stripping
 * parse would give: nothing else (a secret a registry sent along, say) is
 * kept or written. The values were checked by the registry client's parse.
 */
function declaredFieldsOnly(token: ApiTokenWire): ApiTokenWire {
  const copy: ApiTokenWire = { id: token.id, name: token.name, created_at: token.created_at };
  if (token.last_used_at !== undefined) copy.last_used_at = token.last_used_at;
  if (token.expired_at !== undefined) copy.expired_at = token.expired_at;
  if (token.endpoint_scopes !== undefined) {
    copy.endpoint_scopes = token.endpoint_scopes === null ? null : [...token.endpoint_scopes];
  }
  if (token.crate_scopes !== undefined) {
    copy.crate_scopes = token.crate_scopes === null ? null : [...token.crate_scopes];
  }
  return copy;
}

function sameList<T>(
  a: readonly T[] | null | undefined,
  b: readonly T[] | null | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, index) => item === b[index]);
}

/** Field by field, in order: the same answer as before (no JSON.stringify of both lists). */
export function sameTokens(a: readonly ApiTokenWire[], b: readonly ApiTokenWire[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((token, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      token.id === other.id &&
      token.name === other.name &&
      token.created_at === other.created_at &&
      (token.last_used_at ?? null) === (other.last_used_at ?? null) &&
      (token.expired_at ?? null) === (other.expired_at ?? null) &&
      sameList(token.endpoint_scopes ?? null, other.endpoint_scopes ?? null) &&
      sameList(token.crate_scopes ?? null, other.crate_scopes ?? null)
    );
  });
}

async function readDocument(path: string): Promise<TokenCacheDocument | null> {
  try {
    const text = await readTextFile(path);
    if (text === null) return null;
    const parsed = tokenCacheDocumentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
