import { cratePatternMatches } from './crate-pattern';
import type { CrateView } from './crates';
import type { EndpointScope } from './scopes';
import type { TokenView } from './token';

/** What a token can do to one existing crate, in the order a maintainer thinks of it. */
export type CrateAction = 'publish-new' | 'publish-update' | 'yank' | 'change-owners';
export const CRATE_ACTIONS: readonly CrateAction[] = [
  'publish-new',
  'publish-update',
  'yank',
  'change-owners',
];

/** How a token's crate patterns reach a crate. */
export interface CrateReach {
  /** `pattern`: named by its patterns; `any-crate`: `*` or no patterns; `legacy`: a token without endpoint scopes. */
  readonly via: 'pattern' | 'any-crate' | 'legacy';
  /**
   * The patterns that cover the crate, most specific first. Empty for
   * `any-crate`, and for a legacy token without patterns (or with `*`); a
   * legacy token that does have patterns is still limited by them on
   * crates.io, so those that cover the crate are listed.
   */
  readonly matchedPatterns: readonly string[];
}

export interface CrateAccess extends CrateReach {
  readonly token: TokenView;
  /** What this token can do to this crate (never empty). */
  readonly actions: readonly CrateAction[];
}

/** Exact names before prefixes, longer prefixes before shorter ones: the most telling first. */
function bySpecificity(a: string, b: string): number {
  const aPrefix = a.endsWith('*');
  const bPrefix = b.endsWith('*');
  if (aPrefix !== bPrefix) return aPrefix ? 1 : -1;
  return b.length - a.length || a.localeCompare(b);
}

/**
 * How `patterns` reach `crateName` by crates.io's rules (literal,
 * case-sensitive, one trailing `*`; null or empty = any crate), or null when
 * they do not. Says nothing about scopes, except that `legacy` marks a token
 * without endpoint scopes.
 */
export function crateReachOf(
  token: Pick<TokenView, 'endpointScopes' | 'cratePatterns'>,
  crateName: string,
): CrateReach | null {
  const legacy = token.endpointScopes === null;
  const patterns = token.cratePatterns;
  if (patterns === null || patterns.length === 0) {
    return { via: legacy ? 'legacy' : 'any-crate', matchedPatterns: [] };
  }
  const matched = [...new Set(patterns.filter((p) => cratePatternMatches(p, crateName)))];
  if (matched.length === 0) return null;
  if (matched.includes('*')) return { via: legacy ? 'legacy' : 'any-crate', matchedPatterns: [] };
  return { via: legacy ? 'legacy' : 'pattern', matchedPatterns: matched.sort(bySpecificity) };
}

/** The crate actions a token's scopes allow: every one for a legacy token. */
export function crateActionsOf(endpointScopes: readonly EndpointScope[] | null): CrateAction[] {
  if (endpointScopes === null) return [...CRATE_ACTIONS];
  return CRATE_ACTIONS.filter((action) => endpointScopes.includes(action));
}

/**
 * A token still usable: revoked tokens are not listed at all, so this only
 * leaves out the expired ones.
 */
export function isLiveToken(token: TokenView): boolean {
  return token.status !== 'expired';
}

/** The token was listed by an account that owns the crate, on the crate's registry. */
function isOwnersRegistryToken(token: TokenView, crate: CrateView): boolean {
  return (
    token.source === 'registry' &&
    token.registryName === crate.registryName &&
    token.accountId !== null &&
    crate.ownerAccountIds.includes(token.accountId)
  );
}

/**
 * Live (not expired; revoked ones are not listed) tokens of the crate's
 * registry and owning accounts that can act on it, by crates.io's matching
 * rules, in the order of `tokens`.
 *
 * Imported tokens are left out: the app knows neither their scopes nor their
 * patterns, nor even which account they belong to, so it cannot tell whether
 * they reach this crate.
 *
 * `actions` is what scopes and patterns allow. crates.io also refuses token
 * publishes of new versions of a crate with `trustpubOnly`; that flag is the
 * crate's own, shown beside it, and is not folded in here.
 */
export function crateAccess(crate: CrateView, tokens: readonly TokenView[]): CrateAccess[] {
  const access: CrateAccess[] = [];
  for (const token of tokens) {
    if (!isLiveToken(token) || !isOwnersRegistryToken(token, crate)) continue;
    const actions = crateActionsOf(token.endpointScopes);
    if (actions.length === 0) continue;
    const reach = crateReachOf(token, crate.name);
    if (reach === null) continue;
    access.push({ token, actions, ...reach });
  }
  return access;
}
