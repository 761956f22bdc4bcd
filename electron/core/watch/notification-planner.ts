import {
  DAY_MS,
  EXPIRED_THRESHOLD,
  expiryState,
  thresholdDays,
} from '../../../shared/domain/expiry';
import type { DesktopNotification, NotifiedToken } from '../watch-ports';
import { formatMoment, withinDays } from './attention-model';
import type { WatchedToken } from './watch-snapshot';

/**
 * A token first seen expired longer ago than this is not announced: it comes
 * with the registry's expired history (the list asks for a year of it), and a
 * year-old expiry is news to nobody. One that expired while the app was closed
 * or the machine slept (a weekend, a holiday) is still announced once, late:
 * that is exactly when a release job would fail. The banner and the tray show
 * both.
 */
export const EXPIRY_NOTICE_DAYS = 30;

/** One line of the notified ledger: this token was announced at this threshold. */
export interface LedgerEntry {
  readonly key: string;
  readonly threshold: string;
}

/**
 * The tokens to announce now. A token is announced when it has crossed a
 * threshold tighter than any it was announced at: each threshold once, and
 * expiry once. A token whose app was closed across several thresholds is
 * announced once, at the tightest. A clock going back, a restart, a second
 * refresh or widened thresholds never announce one again (the ledger already
 * holds a threshold as tight or tighter). Most urgent first.
 */
export function dueNotifications(
  tokens: readonly WatchedToken[],
  now: Date,
  warningDays: readonly number[],
  ledger: readonly LedgerEntry[],
): NotifiedToken[] {
  const tightestNotified = new Map<string, number>();
  for (const entry of ledger) {
    const days = thresholdDays(entry.threshold);
    if (days === null) continue;
    const before = tightestNotified.get(entry.key);
    if (before === undefined || days < before) tightestNotified.set(entry.key, days);
  }
  const due: { token: NotifiedToken; days: number; expiresAt: number }[] = [];
  for (const token of tokens) {
    if (token.expiresAt === null) continue;
    const state = expiryState(token.expiresAt, now, warningDays);
    if (state.threshold === null || state.thresholdDays === null) continue;
    const notified = tightestNotified.get(token.key);
    if (notified !== undefined && notified <= state.thresholdDays) continue;
    const expiresAt = Date.parse(token.expiresAt);
    if (state.phase === 'expired' && now.getTime() - expiresAt > EXPIRY_NOTICE_DAYS * DAY_MS) {
      continue;
    }
    due.push({
      token: { key: token.key, name: token.name, threshold: state.threshold },
      days: state.thresholdDays,
      expiresAt,
    });
  }
  due.sort(
    (a, b) =>
      a.days - b.days ||
      a.expiresAt - b.expiresAt ||
      a.token.name.localeCompare(b.token.name) ||
      a.token.key.localeCompare(b.token.key),
  );
  return due.map((entry) => entry.token);
}

function quoted(names: readonly string[]): string {
  const all = names.map((name) => `'${name}'`);
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1) ?? ''}`;
}

/** Names in a grouped body before "and N more". */
const NAMES_IN_BODY = 5;

/**
 * One notification for everything due at once: a single token by name, or
 * several as a count ("3 tokens expire within 7 days").
 */
export function composeNotification(
  due: readonly NotifiedToken[],
  expiresAtOf: (key: string) => string | null,
): DesktopNotification | null {
  const first = due[0];
  if (!first) return null;
  const expired = due.filter((token) => token.threshold === EXPIRED_THRESHOLD);
  const widest = Math.max(...due.map((token) => thresholdDays(token.threshold) ?? 0));
  if (due.length === 1) {
    const when = expiresAtOf(first.key);
    const moment = when === null ? '' : ` on ${formatMoment(when)}`;
    if (expired.length === 1) {
      return {
        title: `'${first.name}' has expired`,
        body: `It expired${moment}. Open Cratekeeper to replace it.`,
        tokens: due,
      };
    }
    return {
      title: `'${first.name}' expires ${withinDays(widest)}`,
      body: `It expires${moment}. Open Cratekeeper to rotate or regenerate it.`,
      tokens: due,
    };
  }
  let title: string;
  if (expired.length === due.length) title = `${due.length} tokens have expired`;
  else if (expired.length === 0) title = `${due.length} tokens expire ${withinDays(widest)}`;
  else title = `${due.length} tokens have expired or expire ${withinDays(widest)}`;
  const names = due.slice(0, NAMES_IN_BODY).map((token) => `'${token.name}'`);
  const listed =
    due.length > NAMES_IN_BODY
      ? `${names.join(', ')} and ${due.length - NAMES_IN_BODY} more`
      : quoted(due.map((token) => token.name));
  return {
    title,
    body: `${listed}. Open Cratekeeper to replace them.`,
    tokens: due,
  };
}
