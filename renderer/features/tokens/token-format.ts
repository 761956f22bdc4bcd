import { differenceInSeconds, format, formatDistanceStrict, isValid, parseISO } from 'date-fns';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { registryHost } from '../accounts/account-label';

/** A moment as the list shows it: a relative phrase and, when there is one, the exact time. */
export interface WhenText {
  readonly relative: string;
  /** The exact local date and time; null for "never". */
  readonly exact: string | null;
}

function parse(iso: string): Date | null {
  const date = parseISO(iso);
  return isValid(date) ? date : null;
}

/** "3 Jul 2025, 16:05" in the user's time zone (unambiguous everywhere); the raw text if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? format(date, 'd MMM yyyy, HH:mm') : iso;
}

/** "3 Jul 2025" in the user's time zone; the raw text if it is not a date. */
export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? format(date, 'd MMM yyyy') : iso;
}

/**
 * "in 3 days", "2 days ago", "in 20 hours": one unit, no "about", so the
 * list stays short and scannable.
 */
export function formatRelative(iso: string, now: Date): string {
  const date = parse(iso);
  return date ? formatDistanceStrict(date, now, { addSuffix: true }) : iso;
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
  return formatDistanceStrict(date, now, { addSuffix: true });
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
    return { relative: 'not known', exact: null };
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

/** The Account column: whose token it is, and on which registry. */
export interface AccountText {
  readonly primary: string;
  readonly secondary: string;
}

/**
 * The login and registry host of the token's account; "imported" and cargo's
 * registry name for a token the user pasted in.
 */
export function accountTextOf(
  token: Pick<TokenView, 'source' | 'accountId' | 'registryName'>,
  account: Account | undefined,
): AccountText {
  if (account) return { primary: account.login, secondary: registryHost(account) };
  if (token.source === 'imported') return { primary: 'imported', secondary: token.registryName };
  return { primary: token.accountId ?? 'unknown account', secondary: token.registryName };
}
