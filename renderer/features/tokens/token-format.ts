import { differenceInSeconds, formatDistanceStrict, isValid, parseISO } from 'date-fns';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { registryHost } from '../accounts/account-label';

/** A moment as the list shows it: a relative phrase and, when there is one, the exact time. */
export interface WhenText {
  readonly relative: string;
  /** The exact local date and time; null for "never". */
  readonly exact: string | null;
  /** Why there is no date, for a muted word that needs it ("not known"). */
  readonly hint?: string;
}

/**
 * A date-time with a zone (`Z` or an offset) and at most microseconds, as the
 * registry sends: `Date` reads these to the same millisecond as parseISO
 * (longer fractions it truncates where parseISO rounds).
 */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parse(iso: string): Date | null {
  // date-fns' parseISO is the slow part of drawing a row; it is kept for the
  // forms `Date` reads differently (a date alone is local midnight to it).
  const date = ZONED_DATE_TIME.test(iso) ? new Date(iso) : parseISO(iso);
  return isValid(date) ? date : null;
}

/**
 * Remembers a text per input, forgetting all at `limit`. Rows are drawn again
 * and again as the list scrolls, sorts and filters, with the same few
 * thousand dates. (A change of the system's time zone while the app runs shows
 * only in dates not formatted before it.)
 */
function memoText(compute: (key: string) => string, limit = 20_000): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= limit) cache.clear();
      text = compute(key);
      cache.set(key, text);
    }
    return text;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * What date-fns' `format(date, 'd MMM yyyy')` gives in its default (English)
 * locale, by hand: `format` parses its pattern and looks up the locale on
 * every call, and it was a large share of drawing the rows when a list arrives
 * (a row shows up to four dates). Tests hold the two to the same text.
 */
function dayMonthYear(date: Date): string {
  const month = MONTHS[date.getMonth()] ?? '';
  return `${String(date.getDate())} ${month} ${String(date.getFullYear()).padStart(4, '0')}`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** "3 Jul 2025, 16:05" in the user's time zone (unambiguous everywhere); the raw text if it is not a date. */
export const formatDateTime = memoText((iso) => {
  const date = parse(iso);
  if (!date) return iso;
  return `${dayMonthYear(date)}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
});

/** "16:05:30" in the user's time zone, for a moment within the next minutes; the raw text if it is not a date. */
export function formatTime(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
}

/** "3 Jul 2025" in the user's time zone; the raw text if it is not a date. */
export const formatDate = memoText((iso) => {
  const date = parse(iso);
  return date ? dayMonthYear(date) : iso;
});

/** Relative phrases hold for one `now`; a new one (every 30 s) starts afresh. */
let relativeNow = Number.NaN;
const relativeTexts = new Map<string, string>();

/**
 * "in 3 days", "2 days ago", "in 20 hours": one unit, no "about", so the
 * list stays short and scannable.
 */
export function formatRelative(iso: string, now: Date): string {
  if (now.getTime() !== relativeNow || relativeTexts.size >= 20_000) {
    relativeNow = now.getTime();
    relativeTexts.clear();
  }
  let text = relativeTexts.get(iso);
  if (text === undefined) {
    const date = parse(iso);
    text = date ? formatDistanceStrict(date, now, { addSuffix: true }) : iso;
    relativeTexts.set(iso, text);
  }
  return text;
}

/**
 * How long ago something happened: "just now", "5 minutes ago". A time a
 * little ahead of `now` (another clock, or an answer newer than the last tick)
 * counts as just now instead of reading "in less than a minute".
 */
export function formatAge(iso: string, now: Date): string {
  const date = parse(iso);
  if (!date) return iso;
  if (differenceInSeconds(now, date) < 60) return 'just now';
  return formatRelative(iso, now);
}

/**
 * The Expiry column of a row: an imported token without a date has an
 * expiry nobody told the app, not none.
 */
export function expiryTextOf(token: Pick<TokenView, 'source' | 'expiresAt'>, now: Date): WhenText {
  if (token.source === 'imported' && token.expiresAt === null) {
    return {
      relative: 'not known',
      exact: null,
      hint: 'Imported without an expiry date: when it expires is not known.',
    };
  }
  return expiryText(token.expiresAt, now);
}

/** The Expiry column: relative and exact, or "never". */
export function expiryText(expiresAt: string | null, now: Date): WhenText {
  if (expiresAt === null) return { relative: 'never', exact: null };
  return { relative: formatRelative(expiresAt, now), exact: formatDateTime(expiresAt) };
}

/**
 * The Last used column: relative and exact, or "never used". The registry
 * reports use only for the tokens it lists; for an imported one it is not known.
 */
export function lastUsedTextOf(
  token: Pick<TokenView, 'source' | 'lastUsedAt'>,
  now: Date,
): WhenText {
  if (token.source === 'imported' && token.lastUsedAt === null) {
    return {
      relative: 'not known',
      exact: null,
      hint: 'Imported token: only its registry knows when it was last used.',
    };
  }
  return lastUsedText(token.lastUsedAt, now);
}

/** Relative and exact time of a last use, or "never used". */
export function lastUsedText(lastUsedAt: string | null, now: Date): WhenText {
  if (lastUsedAt === null) return { relative: 'never used', exact: null };
  return { relative: formatAge(lastUsedAt, now), exact: formatDateTime(lastUsedAt) };
}

/** The crate patterns to list, or null when the token may act on any crate. */
export function cratePatternsOf(patterns: readonly string[] | null): readonly string[] | null {
  return patterns === null || patterns.length === 0 ? null : patterns;
}

/** The Crate patterns cell: patterns, null for any crate, or 'unknown' (an imported token). */
export type PatternsCell = readonly string[] | null | 'unknown';

/** An imported token's patterns were never told to the app: not "any crate". */
export function patternsCellOf(token: Pick<TokenView, 'source' | 'cratePatterns'>): PatternsCell {
  if (token.source === 'imported' && token.cratePatterns === null) return 'unknown';
  return cratePatternsOf(token.cratePatterns);
}

/** The Created column: a registry's creation date, or the day an imported token was imported. */
export interface CreatedText {
  /** "Imported" for an imported token, whose only known date is the import's. */
  readonly label: string | null;
  readonly date: string;
  readonly exact: string;
}

export function createdTextOf(token: Pick<TokenView, 'source' | 'createdAt'>): CreatedText {
  return {
    label: token.source === 'imported' ? 'Imported' : null,
    date: formatDate(token.createdAt),
    exact: formatDateTime(token.createdAt),
  };
}

/** The Account column: whose token it is, and on which registry. */
export interface AccountText {
  readonly primary: string;
  readonly secondary: string;
  /** Why the account is not named, when it is not. */
  readonly hint?: string;
}

/**
 * The login and registry host of the token's account. A token the user
 * pasted in is not tied to any account (the registry never listed it), so
 * its account is "not known", on cargo's registry name.
 */
export function accountTextOf(
  token: Pick<TokenView, 'source' | 'accountId' | 'registryName'>,
  account: Account | undefined,
): AccountText {
  if (account) return { primary: account.login, secondary: registryHost(account) };
  if (token.source === 'imported') {
    return {
      primary: 'Account not known',
      secondary: token.registryName,
      hint: `Imported token: Cratekeeper cannot tell which account on ${token.registryName} it belongs to.`,
    };
  }
  return { primary: token.accountId ?? 'unknown account', secondary: token.registryName };
}
