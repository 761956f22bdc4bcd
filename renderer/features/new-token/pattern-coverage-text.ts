import { patternCoverage } from '../../../shared/domain/token-power';

/**
 * What a valid pattern reaches, in words, for the line under its field:
 * "Matches quill, quill_json; also any future crate starting with quill".
 */
export function coverageText(pattern: string, ownedCrates: readonly string[] | null): string {
  const coverage = patternCoverage(pattern, ownedCrates ?? []);
  if (coverage.isWildcardAll) return 'Every crate, present and future: the same as no pattern.';
  const prefix = pattern.slice(0, -1);
  const future = coverage.coversFutureCrates ? `any future crate starting with ${prefix}` : null;
  if (ownedCrates === null) {
    return future === null ? `Only the crate ${pattern}.` : `Any crate starting with ${prefix}.`;
  }
  if (coverage.matches.length === 0) {
    return future === null
      ? `Matches none of your crates: only a crate named ${pattern}, if you publish or own it later.`
      : `Matches none of your crates yet; ${future}.`;
  }
  const matches = `Matches ${coverage.matches.join(', ')}`;
  return future === null ? `${matches}.` : `${matches}; also ${future}.`;
}
