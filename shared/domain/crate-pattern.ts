/**
 * crates.io's server-side rules for crate scope patterns (NOTES.md, "Creating a
 * token"). The website is laxer (it lets a pattern start with a digit); the
 * server is the authority, so these rules follow the server.
 */

export const MAX_CRATE_PATTERN_NAME_LENGTH = 64;

export type CratePatternCheck =
  { readonly valid: true } | { readonly valid: false; readonly reason: string };

const NAME_CONTINUATION = /^[A-Za-z0-9_-]*$/;
const ASCII_LETTER = /^[A-Za-z]$/;

/** Checks one pattern: `*`, or a crate name optionally followed by one trailing `*`. */
export function checkCratePattern(pattern: string): CratePatternCheck {
  if (pattern === '*') return { valid: true };
  const name = pattern.endsWith('*') ? pattern.slice(0, -1) : pattern;
  if (name.length === 0) return { valid: false, reason: 'A pattern needs a crate name.' };
  if (name.length > MAX_CRATE_PATTERN_NAME_LENGTH) {
    return {
      valid: false,
      reason: `A crate name has at most ${MAX_CRATE_PATTERN_NAME_LENGTH} characters (this one has ${name.length}).`,
    };
  }
  if (!ASCII_LETTER.test(name.charAt(0))) {
    return { valid: false, reason: 'A crate name must start with an ASCII letter.' };
  }
  if (!NAME_CONTINUATION.test(name)) {
    return {
      valid: false,
      reason: name.includes('*')
        ? 'Only one `*`, at the very end, is allowed.'
        : 'Use only ASCII letters, digits, `-` and `_`.',
    };
  }
  return { valid: true };
}

/** True when crates.io would accept this pattern. */
export function isValidCratePattern(pattern: string): boolean {
  return checkCratePattern(pattern).valid;
}

/** crates.io matching: literal and case-sensitive; a trailing `*` matches any suffix. */
export function cratePatternMatches(pattern: string, crateName: string): boolean {
  if (!isValidCratePattern(pattern)) return false;
  if (pattern.endsWith('*')) return crateName.startsWith(pattern.slice(0, -1));
  return crateName === pattern;
}

/** True when a token with these patterns may act on the crate (null or empty = any crate). */
export function cratePatternsAllow(
  patterns: readonly string[] | null | undefined,
  crateName: string,
): boolean {
  if (patterns === null || patterns === undefined || patterns.length === 0) return true;
  return patterns.some((pattern) => cratePatternMatches(pattern, crateName));
}
