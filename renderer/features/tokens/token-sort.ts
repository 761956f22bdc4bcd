import { TOKEN_STATUSES } from '../../../shared/domain/expiry';
import type { TokenView } from '../../../shared/domain/token';

/** The columns the list can be sorted by. */
export const SORTABLE_COLUMNS = [
  'name',
  'account',
  'created',
  'last-used',
  'expiry',
  'status',
] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface TokenSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export function isSortColumn(id: string): id is SortColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(id);
}

/**
 * The sort after a click on `column`'s header: a new column starts ascending,
 * the current one flips.
 */
export function nextSort(current: TokenSort | null, column: SortColumn): TokenSort {
  if (current?.column !== column) return { column, direction: 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

const STATUS_RANK = new Map(TOKEN_STATUSES.map((status, rank) => [status, rank]));
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/**
 * The tokens sorted by `sort`; `null` keeps the registry's order (newest
 * first) and returns the list itself. Ascending status is worst first
 * (expired, expiring, legacy, no expiry, active). "Never expires" is the
 * latest expiry: last ascending, first descending. Missing dates (never used,
 * an imported token's unknown expiry) come last in either direction. Ties keep the registry's order.
 * `accountLabelOf` gives the text the Account column shows.
 */
export function sortTokens(
  tokens: readonly TokenView[],
  sort: TokenSort | null,
  accountLabelOf: (token: TokenView) => string,
): readonly TokenView[] {
  if (sort === null) return tokens;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = tokens.map((token, index) => ({ token, index, key: keyOf(token, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    const order =
      typeof a.key === 'string' && typeof b.key === 'string'
        ? collator.compare(a.key, b.key)
        : Number(a.key) - Number(b.key);
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((entry) => entry.token);

  function keyOf(token: TokenView, column: SortColumn): string | number | null {
    switch (column) {
      case 'name':
        return token.name;
      case 'account':
        return accountLabelOf(token);
      case 'created':
        return timeOf(token.createdAt);
      case 'last-used':
        return timeOf(token.lastUsedAt);
      case 'expiry':
        // A registry token without a date never expires; an imported one's date is just not known.
        if (token.expiresAt === null)
          return token.source === 'registry' ? Number.MAX_SAFE_INTEGER : null;
        return timeOf(token.expiresAt);
      case 'status':
        return STATUS_RANK.get(token.status) ?? TOKEN_STATUSES.length;
    }
  }
}
