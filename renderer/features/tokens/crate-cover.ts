import type { TokenView } from '../../../shared/domain/token';
import { crateMatchOf, type CrateMatch } from '../../../shared/domain/token-crate-search';

/** What a row says when the search names a crate its token's patterns cover. */
export interface CrateCoverText {
  /** Short enough for the Crate patterns column: "via quill*", "any crate", "legacy". */
  readonly label: string;
  /** The accessible name: "Covers quill-core via quill*". */
  readonly name: string;
  /** Why, for the hover hint. */
  readonly hint: string;
}

export function crateCoverTextOf(crateName: string, match: CrateMatch): CrateCoverText {
  const { kind, pattern } = match;
  if (kind === 'legacy') {
    const restricted = pattern !== null && pattern !== '*';
    return {
      label: restricted ? `legacy: ${pattern}` : 'legacy',
      name: restricted
        ? `Covers ${crateName} via ${pattern} (legacy token)`
        : `Covers ${crateName}: legacy token, every crate`,
      hint: restricted
        ? `A legacy token: it can do everything on the crates its patterns cover, ${crateName} among them (by ${pattern}).`
        : `A legacy token: it can do everything on every crate, ${crateName} included.`,
    };
  }
  if (kind === 'any-crate') {
    return {
      label: 'any crate',
      name: `Covers ${crateName}: any crate`,
      hint:
        pattern === '*'
          ? `Its pattern * covers every crate, ${crateName} included.`
          : `It has no crate pattern, so it covers every crate, ${crateName} included.`,
    };
  }
  const via = pattern ?? '';
  return {
    label: `via ${via}`,
    name: `Covers ${crateName} via ${via}`,
    hint: `Its pattern ${via} covers the crate ${crateName} (crates.io matching: exact names, or a prefix before *).`,
  };
}

/**
 * The rows' crate matches for one crate name, each worked out once: the
 * list asks again on every scrolled frame, and the memoised rows need the
 * same object back to skip their cells.
 */
export function createCrateMatches(
  crateName: string | null,
): (token: TokenView) => CrateMatch | null {
  if (crateName === null) return () => null;
  const byToken = new Map<TokenView, CrateMatch | null>();
  return (token) => {
    let match = byToken.get(token);
    if (match === undefined) {
      match = crateMatchOf(token, crateName);
      byToken.set(token, match);
    }
    return match;
  };
}
