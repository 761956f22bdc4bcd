import type { TokenView } from '../../../shared/domain/token';

/**
 * Tokens whose name or one of whose crate patterns contains every word of the
 * query, ignoring case. An empty query returns the list itself, so memoised
 * consumers see no change.
 */
export function filterTokens(tokens: readonly TokenView[], query: string): readonly TokenView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tokens;
  return tokens.filter((token) => {
    const haystacks = [token.name, ...(token.cratePatterns ?? [])].map((text) =>
      text.toLowerCase(),
    );
    return words.every((word) => haystacks.some((text) => text.includes(word)));
  });
}
