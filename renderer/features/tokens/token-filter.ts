import type { TokenStatus } from '../../../shared/domain/expiry';
import type { EndpointScope } from '../../../shared/domain/scopes';
import type { TokenView } from '../../../shared/domain/token';

/** The toolbar's filters; each one left at its default lets every token through. */
export interface TokenFilters {
  /** One account's tokens, or null for every account (and imported tokens). */
  readonly accountId: string | null;
  /** Tokens with one of these statuses; empty for any status. */
  readonly statuses: readonly TokenStatus[];
  /** Tokens having this endpoint scope, `legacy` for unscoped ones, or null for any. */
  readonly scope: EndpointScope | 'legacy' | null;
  /** Only these tokens, by key ("and N more" in the attention banner); absent or null for all. */
  readonly keys?: readonly string[] | null;
}

export const NO_FILTERS: TokenFilters = { accountId: null, statuses: [], scope: null };

export function hasFilters(filters: TokenFilters): boolean {
  return (
    filters.accountId !== null ||
    filters.statuses.length > 0 ||
    filters.scope !== null ||
    (filters.keys ?? null) !== null
  );
}

/**
 * Tokens that pass every filter. Imported tokens whose scopes the app was
 * never told are not legacy: they match no scope filter. No filters return
 * the list itself.
 */
export function applyTokenFilters(
  tokens: readonly TokenView[],
  filters: TokenFilters,
): readonly TokenView[] {
  if (!hasFilters(filters)) return tokens;
  const { accountId, statuses, scope } = filters;
  const keys = filters.keys ? new Set(filters.keys) : null;
  return tokens.filter((token) => {
    if (keys !== null && !keys.has(token.key)) return false;
    if (accountId !== null && token.accountId !== accountId) return false;
    if (statuses.length > 0 && !statuses.includes(token.status)) return false;
    if (scope === null) return true;
    if (token.endpointScopes === null) return scope === 'legacy' && token.source === 'registry';
    return scope !== 'legacy' && token.endpointScopes.includes(scope);
  });
}
