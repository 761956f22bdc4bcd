import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import {
  applyTokenFilters,
  filterTokens,
  hasFilters,
  NO_FILTERS,
  type TokenFilters,
} from './token-filter';
import { accountTextOf } from './token-format';
import { nextSort, sortTokens, type SortColumn, type TokenSort } from './token-sort';

export interface TokenViewState {
  readonly filters: TokenFilters;
  readonly setFilters: (filters: TokenFilters) => void;
  /** null: the registry's order, newest first. */
  readonly sort: TokenSort | null;
  /** Sorts by a column, or flips the direction of the current one; stable. */
  readonly sortBy: (column: SortColumn) => void;
  /** The tokens to show: searched, filtered, then sorted. */
  readonly shown: readonly TokenView[];
  readonly filtered: boolean;
}

/**
 * The list's filters and sort and the tokens they leave. Filtering and sorting
 * use deferred values, so typing and clicking stay responsive on long lists.
 */
export function useTokenView(
  tokens: readonly TokenView[],
  query: string,
  accountsById: ReadonlyMap<string, Account>,
): TokenViewState {
  const [filters, setFilters] = useState<TokenFilters>(NO_FILTERS);
  const [sort, setSort] = useState<TokenSort | null>(null);
  const deferredQuery = useDeferredValue(query);
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);

  const searched = useMemo(() => filterTokens(tokens, deferredQuery), [tokens, deferredQuery]);
  const filteredTokens = useMemo(
    () => applyTokenFilters(searched, deferredFilters),
    [searched, deferredFilters],
  );
  const shown = useMemo(
    () =>
      sortTokens(filteredTokens, deferredSort, (token) => {
        const account = token.accountId === null ? undefined : accountsById.get(token.accountId);
        return accountTextOf(token, account).primary;
      }),
    [filteredTokens, deferredSort, accountsById],
  );
  const sortBy = useCallback((column: SortColumn) => {
    setSort((current) => nextSort(current, column));
  }, []);

  return { filters, setFilters, sort, sortBy, shown, filtered: hasFilters(deferredFilters) };
}
