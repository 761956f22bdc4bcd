import type { Account } from '../../shared/domain/account';
import type { ApiTokenWire } from '../../shared/domain/api-token';
import { classifyToken, DEFAULT_WARNING_DAYS, widestWarningDay } from '../../shared/domain/expiry';
import {
  tokenKeyOf,
  type AccountFailure,
  type TokenList,
  type TokenView,
} from '../../shared/domain/token';
import type { AccountBook } from './account-book';
import type { ImportedTokens } from './imported-tokens';
import { RegistryError } from './registry-errors';
import { listRefusalText } from './registry-messages';
import { stillListed, type AccountAnswer, type TokenCache } from './token-cache';
import { tokenSecretId } from './token-secrets';
import { VaultLockedError } from './vault/secret-cipher';
import type { VaultService } from './vault-service';

/** Maps crates.io's wire shape to what the list shows. */
export function toTokenView(
  account: Account,
  token: ApiTokenWire,
  now: Date,
  secretHeld: boolean,
  /** Expiring within this many days: the user's widest warning day. */
  warnWithinDays: number = DEFAULT_WARNING_DAYS[0],
): TokenView {
  const expiresAt = token.expired_at ?? null;
  const endpointScopes = token.endpoint_scopes ?? null;
  return {
    key: tokenKeyOf(account.id, token.id),
    source: 'registry',
    accountId: account.id,
    tokenId: token.id,
    registryName: account.registry.name,
    name: token.name,
    endpointScopes,
    cratePatterns: token.crate_scopes ?? null,
    createdAt: token.created_at,
    lastUsedAt: token.last_used_at ?? null,
    expiresAt,
    status: classifyToken({ expiresAt, endpointScopes }, now, warnWithinDays),
    secretHeld,
  };
}

export interface TokenListSources {
  readonly book: AccountBook;
  readonly vault: VaultService;
  readonly imported: ImportedTokens;
  readonly cache: TokenCache;
  /** The user's warning days, so the list's "expiring" begins where the warnings do. */
  readonly warningDays?: () => readonly number[];
}

/**
 * Lists the tokens of every signed-in account in parallel, plus the imported
 * ones. One account failing does not hide the others: its failure is
 * reported beside the list. An account that could not be read for any reason
 * but a refused session (registry unreachable or failing, vault locked) is
 * listed as last fetched, and its failure says from when.
 */
export async function listAllTokens(
  { book, vault, imported, cache, warningDays }: TokenListSources,
  expiredDays?: number,
): Promise<TokenList> {
  const now = book.clock.now();
  const warnWithin = widestWarningDay(warningDays?.() ?? DEFAULT_WARNING_DAYS);
  const held = (key: string): boolean => vault.peek()?.has(tokenSecretId(key)) ?? false;
  const viewsOf = (account: Account, tokens: readonly ApiTokenWire[]): TokenView[] =>
    tokens.map((token) =>
      toTokenView(account, token, now, held(tokenKeyOf(account.id, token.id)), warnWithin),
    );
  const accounts = book.list().filter((account) => account.status === 'signed-in');
  const answers: AccountAnswer[] = [];
  const results = await Promise.allSettled(
    accounts.map(async (account) => {
      const client = await book.clientFor(account.id);
      if (!client) return [];
      const tokens = await client.listTokens(expiredDays);
      answers.push({ accountId: account.id, tokens });
      return viewsOf(account, tokens);
    }),
  );
  // Every answer of this refresh in one write of the last known lists, after
  // the list is answered: the list on screen must not wait for the disk, nor
  // for the copying and writing of a file of thousands of tokens.
  cache.rememberSoon(answers, expiredDays, now);
  const list: TokenList = {
    tokens: [],
    fetchedAt: now.toISOString(),
    failures: [],
    warnWithinDays: warnWithin,
  };
  for (const [index, result] of results.entries()) {
    const account = accounts[index];
    if (!account) continue;
    if (result.status === 'fulfilled') {
      appendAll(list.tokens, result.value);
      continue;
    }
    const failure = await describeFailure(book, account, result.reason, now);
    const lastKnown = failure.signedOut ? null : await cache.get(account.id);
    if (lastKnown)
      appendAll(list.tokens, viewsOf(account, stillListed(lastKnown, now, expiredDays)));
    list.failures.push({ ...failure.entry, lastKnownAt: lastKnown?.fetchedAt ?? null });
  }
  appendAll(list.tokens, imported.views(now, expiredDays, warnWithin));
  return list;
}

/** push(...items) passes every item as an argument: slow, and limited, for thousands of tokens. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Why an account could not be listed. A refused session signs the account
 * out; anything else is said without naming the account, which the renderer
 * names its own way beside the message. The Crates overview reports its
 * failing accounts with it too.
 */
export async function describeFailure(
  book: AccountBook,
  account: Account,
  error: unknown,
  now: Date,
): Promise<{ signedOut: boolean; entry: Omit<AccountFailure, 'lastKnownAt'> }> {
  const accountId = account.id;
  if (error instanceof RegistryError && error.isAuthFailure) {
    await book.markSignedOut(accountId);
    const who = `${account.login} on ${account.registry.name}`;
    return {
      signedOut: true,
      entry: { accountId, kind: 'signed-out', message: `${who} is signed out: sign in again.` },
    };
  }
  if (error instanceof VaultLockedError) {
    const message = 'The vault is locked: unlock it to refresh this account.';
    return { signedOut: false, entry: { accountId, kind: 'locked', message } };
  }
  if (error instanceof RegistryError) {
    const message = listRefusalText(error);
    if (!error.isRateLimited)
      return { signedOut: false, entry: { accountId, kind: 'offline', message } };
    const retryAt =
      error.retryAfterMs === null
        ? null
        : new Date(now.getTime() + error.retryAfterMs).toISOString();
    return { signedOut: false, entry: { accountId, kind: 'rate-limited', message, retryAt } };
  }
  let message = 'The registry could not be read.';
  if (error instanceof Error) {
    message = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
  }
  return { signedOut: false, entry: { accountId, kind: 'offline', message } };
}
