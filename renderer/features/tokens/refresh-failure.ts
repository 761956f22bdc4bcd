import type { TokenList } from '../../../shared/domain/token';

/** What the toolbar says after a refresh that failed, in whole or for some accounts. */
export interface RefreshFailure {
  /** When the oldest part of the list on screen was last fetched successfully. */
  readonly lastFetchedAt: string;
  /** Accounts whose refresh failed; null when the whole refresh did. */
  readonly failedAccounts: number | null;
}

/**
 * Null when the list on screen is as fresh as its `fetchedAt`. Otherwise the
 * oldest time any part of it was fetched: after a failed refresh the list is
 * the one fetched before, and an account the registry could not be asked for
 * is shown as of its last successful fetch.
 */
export function refreshFailureOf(
  list: Pick<TokenList, 'fetchedAt' | 'failures'> | undefined,
  wholeRefreshFailed: boolean,
): RefreshFailure | null {
  if (list === undefined) return null;
  if (wholeRefreshFailed) return { lastFetchedAt: list.fetchedAt, failedAccounts: null };
  const lastKnown = list.failures.flatMap((failure) =>
    failure.lastKnownAt === null ? [] : [failure.lastKnownAt],
  );
  if (lastKnown.length === 0) return null;
  const oldest = lastKnown.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  return { lastFetchedAt: oldest, failedAccounts: lastKnown.length };
}

/** "refresh failed", "refresh failed for 1 account". */
export function refreshFailureText(failure: RefreshFailure): string {
  const count = failure.failedAccounts;
  if (count === null) return 'refresh failed';
  return `refresh failed for ${count === 1 ? '1 account' : `${String(count)} accounts`}`;
}
