import { tz } from '@date-fns/tz';
import { differenceInCalendarDays, formatDistance } from 'date-fns';
import { cratePatternMatches, isValidCratePattern } from './crate-pattern';
import type { EndpointScope } from './scopes';

/** What one crate pattern reaches among the account's crates, for the builder's live preview. */
export interface PatternCoverage {
  /** The account's own crates it matches, sorted. */
  readonly matches: string[];
  /**
   * It ends in `*`, so it also reaches crates that do not exist yet (or are
   * not yours yet) whose names fit: a token for `serde*` can publish a new
   * `serde_yaml` tomorrow.
   */
  readonly coversFutureCrates: boolean;
  /** It is `*`: every crate, present and future. */
  readonly isWildcardAll: boolean;
}

/** Invalid patterns reach nothing (the server would refuse them anyway). */
export function patternCoverage(pattern: string, ownedCrates: readonly string[]): PatternCoverage {
  const valid = isValidCratePattern(pattern);
  return {
    matches: [...new Set(ownedCrates)]
      .filter((crate) => cratePatternMatches(pattern, crate))
      .sort(),
    coversFutureCrates: valid && pattern.endsWith('*'),
    isWildcardAll: pattern === '*',
  };
}

/** What a token can do, as the builder holds it or the list shows it. */
export interface TokenPowerFacts {
  /** null = a legacy token with every right. */
  readonly endpointScopes: readonly EndpointScope[] | null;
  /** null or empty = any crate. */
  readonly cratePatterns: readonly string[] | null;
  /** RFC 3339, or null for never. */
  readonly expiresAt: string | null;
}

// Verbs in the order a maintainer thinks of them: release, clean up, share, automate.
const ACTIONS: readonly [EndpointScope, string][] = [
  ['publish-new', 'publish new crates'],
  ['publish-update', 'publish new versions'],
  ['yank', 'yank and unyank versions'],
  ['change-owners', 'change owners'],
  ['trusted-publishing', 'manage trusted publishing'],
];

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1] ?? ''}`;
}

function actionPhrase(scopes: readonly EndpointScope[]): string {
  const chosen = ACTIONS.filter(([scope]) => scopes.includes(scope)).map(([, words]) => words);
  // "publish new crates and publish new versions" reads better merged.
  if (scopes.includes('publish-new') && scopes.includes('publish-update')) {
    chosen.splice(0, 2, 'publish new crates and new versions');
  }
  return joinWords(chosen);
}

/** "of serde and serde_json, and of any future crate starting with serde". */
function crateClause(
  patterns: readonly string[] | null,
  ownedCrates: readonly string[],
  preposition: string,
): string {
  if (patterns === null || patterns.length === 0 || patterns.includes('*')) {
    return `${preposition} any crate`;
  }
  const valid = patterns.filter(isValidCratePattern);
  if (valid.length === 0) return `${preposition} no crate (fix the patterns)`;
  const owned = [...new Set(ownedCrates)].sort();
  const exact = valid.filter((pattern) => !pattern.endsWith('*'));
  const prefixes = [
    ...new Set(valid.filter((p) => p.endsWith('*')).map((pattern) => pattern.slice(0, -1))),
  ];
  const matched = owned.filter((crate) => valid.some((p) => cratePatternMatches(p, crate)));
  const notYours = exact.filter((name) => !owned.includes(name)).sort();
  const names = [...matched, ...notYours.map((name) => `${name} (not yours yet)`)];
  const parts: string[] = [];
  if (names.length > 0) parts.push(`${preposition} ${joinWords(names)}`);
  if (prefixes.length > 0) {
    // "future" only once some crate of yours already fits: otherwise every fit is future.
    const someFit = owned.some((crate) => prefixes.some((prefix) => crate.startsWith(prefix)));
    parts.push(
      `${preposition} any ${someFit ? 'future ' : ''}crate starting with ${joinWords(prefixes, 'or')}`,
    );
  }
  return parts.join(', and ');
}

function expiryPhrase(expiresAt: string | null, now: Date, timeZone?: string): string {
  if (expiresAt === null) return 'never expires';
  const expiry = new Date(expiresAt);
  if (expiry.getTime() <= now.getTime()) return 'already expired';
  // Calendar days in the user's zone: a 90-day preset reads "90 days" even across DST.
  const days = differenceInCalendarDays(
    expiry,
    now,
    timeZone === undefined ? {} : { in: tz(timeZone) },
  );
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  // Day counts stop being readable past a year: "in about 73 years", not "in 26695 days".
  if (days > 366) return `expires in ${formatDistance(expiry, now)}`;
  return `expires in ${days} days`;
}

/**
 * One plain-English line saying what a token can do, on which crates and for
 * how long, e.g. "Can publish new versions of serde and serde_json, and of any
 * future crate starting with serde; expires in 90 days". Invalid patterns are
 * left out: they reach nothing.
 */
export function describeTokenPower(
  token: TokenPowerFacts,
  ownedCrates: readonly string[],
  now: Date,
  timeZone?: string,
): string {
  const expiry = expiryPhrase(token.expiresAt, now, timeZone);
  if (token.endpointScopes === null) {
    const crates = crateClause(token.cratePatterns, ownedCrates, 'on');
    return `Can do everything your account can (legacy token), ${crates}; ${expiry}`;
  }
  if (token.endpointScopes.length === 0) {
    return `Can do nothing yet: choose at least one scope; ${expiry}`;
  }
  const crates = crateClause(token.cratePatterns, ownedCrates, 'of');
  return `Can ${actionPhrase(token.endpointScopes)} ${crates}; ${expiry}`;
}
