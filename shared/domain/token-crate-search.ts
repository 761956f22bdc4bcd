import { crateReachOf } from './crate-access';
import { cratePatternsAllow, MAX_CRATE_PATTERN_NAME_LENGTH } from './crate-pattern';
import type { TokenView } from './token';

/** How a token's patterns reach the crate a search names. */
export interface CrateMatch {
  /** `pattern`: one of its patterns; `any-crate`: `*` or no patterns; `legacy`: a legacy token. */
  readonly kind: 'pattern' | 'any-crate' | 'legacy';
  /** The most specific covering pattern (`*` for an any-crate token with `*`); null without one. */
  readonly pattern: string | null;
}

// crates.io's crate name shape (the pattern rules without the `*`).
const CRATE_NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${MAX_CRATE_PATTERN_NAME_LENGTH - 1}}$`);

/** True when `query` (trimmed) could be a crate name: a letter, then letters, digits, `-`, `_`. */
export function looksLikeCrateName(query: string): boolean {
  return CRATE_NAME.test(query.trim());
}

/**
 * The cheap test a list search runs on every token for a crate name
 * (already trimmed and checked with {@link looksLikeCrateName}): true when
 * {@link crateMatchOf} would find a match.
 */
export function coversCrate(
  token: Pick<TokenView, 'source' | 'cratePatterns'>,
  crateName: string,
): boolean {
  return token.source === 'registry' && cratePatternsAllow(token.cratePatterns, crateName);
}

/**
 * When `query` looks like a crate name: how the token's patterns cover it by
 * crates.io's rules (exact, a prefix, `*`, no patterns, or a legacy token);
 * else null. Matching is case-sensitive, as crates.io's is. Imported tokens
 * never match: their patterns are unknown.
 */
export function crateMatchOf(token: TokenView, query: string): CrateMatch | null {
  if (token.source !== 'registry') return null;
  const crateName = query.trim();
  if (!CRATE_NAME.test(crateName)) return null;
  const reach = crateReachOf(token, crateName);
  if (reach === null) return null;
  const pattern =
    reach.matchedPatterns[0] ?? (token.cratePatterns?.includes('*') === true ? '*' : null);
  return { kind: reach.via, pattern };
}
