import type { TokenView } from '../../../shared/domain/token';
import { coversCrate, looksLikeCrateName } from '../../../shared/domain/token-crate-search';

/** The words of a search: lower-cased, split on white space, empty ones dropped. */
export function searchWordsOf(query: string): readonly string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * A token's searchable text, lower-cased once: its name and crate patterns,
 * one to a line. Search words hold no white space, so a word found in it was
 * found in one of those texts, never across two.
 */
export function haystackOf(token: Pick<TokenView, 'name' | 'cratePatterns'>): string {
  return [token.name, ...(token.cratePatterns ?? [])].join('\n').toLowerCase();
}

/**
 * The crate a query names, when it could be a crate name (one word: a
 * letter, then letters, digits, `-`, `_`), as typed: crates.io matches
 * patterns case-sensitively. Else null.
 */
export function crateNameOf(query: string): string | null {
  return looksLikeCrateName(query) ? query.trim() : null;
}

/** Each token's {@link haystackOf}, made once per fetched list. */
export interface Haystacks {
  readonly get: (token: TokenView) => string;
}

/**
 * The haystacks of one fetched list, each made the first time it is asked
 * for: a list that is never searched costs nothing.
 */
export function createHaystacks(tokens: readonly TokenView[]): Haystacks {
  let byToken: Map<TokenView, string> | null = null;
  return {
    get: (token) => {
      byToken ??= new Map(tokens.map((entry) => [entry, haystackOf(entry)]));
      return byToken.get(token) ?? haystackOf(token);
    },
  };
}

/** Searches one list; answers the same array again for the same query. */
export type TokenSearch = (query: string) => readonly TokenView[];

/**
 * The search of one list: tokens whose name or one of whose crate patterns
 * contains every word of the query, ignoring case, in the list's order; and
 * when the query could be a crate name, also the tokens whose patterns cover
 * that crate by crates.io's rules (`quill-core` finds `quill*`, `*`, no
 * patterns and legacy tokens; see token-crate-search.ts). The
 * text is normalised once per fetched list (`haystacks`, which may hold more
 * tokens than `tokens`: the whole list, before filters and sort), not on every
 * keystroke. An empty query returns the list itself, so memoised consumers
 * see no change. The last answer is kept, so every component showing it
 * shares one search.
 */
export function createTokenSearch(
  tokens: readonly TokenView[],
  haystacks: Haystacks = createHaystacks(tokens),
): TokenSearch {
  let texts: readonly string[] | null = null;
  let last: { readonly key: string; readonly found: readonly TokenView[] } | null = null;
  return (query) => {
    const words = searchWordsOf(query);
    if (words.length === 0) return tokens;
    const crateName = crateNameOf(query);
    // The words ignore case, a crate name does not.
    const key = `${words.join(' ')}\n${crateName ?? ''}`;
    if (last?.key === key) return last.found;
    texts ??= tokens.map(haystacks.get);
    const all = texts;
    const found = tokens.filter((token, index) => {
      const text = all[index] ?? '';
      if (words.every((word) => text.includes(word))) return true;
      // A check of the raw patterns: no text to normalise.
      return crateName !== null && coversCrate(token, crateName);
    });
    last = { key, found };
    return found;
  };
}
