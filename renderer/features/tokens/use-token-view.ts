import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { applyTokenFilters, hasFilters, NO_FILTERS, type TokenFilters } from './token-filter';
import { accountTextOf } from './token-format';
import { createHaystacks, createTokenSearch, type TokenSearch } from './token-search';
import { nextSort, sortTokens, type SortColumn, type TokenSort } from './token-sort';

export interface TokenViewState {
  readonly filters: TokenFilters;
  readonly setFilters: (filters: TokenFilters) => void;
  /** null: the registry's order, newest first. */
  readonly sort: TokenSort | null;
  /** Sorts by a column, or flips the direction of the current one; stable. */
  readonly sortBy: (column: SortColumn) => void;
  /** Searches the sorted, filtered tokens: what the list shows for a query. */
  readonly search: TokenSearch;
  readonly filtered: boolean;
}

/**
 * The list's filters and sort, and the search of the tokens they leave. The
 * tokens are sorted and filtered first, then searched: a keystroke only
 * narrows a list already in order (filtering keeps the order), so it never
 * sorts. Filters and sort use deferred values, so clicks stay responsive on
 * long lists.
 */
export function useTokenView(
  tokens: readonly TokenView[],
  accountsById: ReadonlyMap<string, Account>,
): TokenViewState {
  const [filters, setFilters] = useState<TokenFilters>(NO_FILTERS);
  const [sort, setSort] = useState<TokenSort | null>(null);
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);

  // Search text is normalised once per fetched list, whatever the sort and filters.
  const haystacks = useMemo(() => createHaystacks(tokens), [tokens]);
  const sorted = useMemo(
    () =>
      sortTokens(tokens, deferredSort, (token) => {
        const account = token.accountId === null ? undefined : accountsById.get(token.accountId);
        return accountTextOf(token, account).primary;
      }),
    [tokens, deferredSort, accountsById],
  );
  const filteredTokens = useMemo(
    () => applyTokenFilters(sorted, deferredFilters),
    [sorted, deferredFilters],
  );
  const search = useMemo(
    () => createTokenSearch(filteredTokens, haystacks),
    [filteredTokens, haystacks],
  );
  const sortBy = useCallback((column: SortColumn) => {
    setSort((current) => nextSort(current, column));
  }, []);

  return { filters, setFilters, sort, sortBy, search, filtered: hasFilters(deferredFilters) };
}
