import type { Attention, AttentionItem, TrayState } from '../../../shared/domain/attention';
import { DAY_MS, EXPIRED_THRESHOLD, expiryState } from '../../../shared/domain/expiry';
import type { WatchSnapshot } from './watch-snapshot';

/**
 * An expired token stays in the banner this long after expiry, or for as long
 * as Cratekeeper holds its secret (then "forget it" is the action).
 */
export const EXPIRED_ATTENTION_DAYS = 30;

/** "within 7 days", "within 1 day". */
export function withinDays(days: number): string {
  return `within ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** `2026-12-03 14:00 UTC`: the same on every machine, unambiguous in any locale. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const REASON_ORDER: Readonly<Record<AttentionItem['reason'], number>> = {
  expired: 0,
  'revoked-elsewhere': 1,
  'signed-out': 2,
  expiring: 3,
};

/**
 * What needs the user now, worst first: expired tokens, secrets of tokens
 * revoked elsewhere, signed-out accounts, then expiring tokens soonest first.
 */
export function computeAttention(
  snapshot: WatchSnapshot,
  now: Date,
  warningDays: readonly number[],
  refreshedAt: string | null,
): Attention {
  const items: AttentionItem[] = [];
  for (const token of snapshot.tokens) {
    const state = expiryState(token.expiresAt, now, warningDays);
    if (state.phase === 'expiring' && state.thresholdDays !== null) {
      const action = token.replaceable
        ? 'Rotate or regenerate it now.'
        : 'Replace it on its registry and import the new one.';
      items.push({
        key: token.key,
        name: token.name,
        reason: 'expiring',
        threshold: state.threshold,
        expiresAt: token.expiresAt,
        message: `'${token.name}' expires ${withinDays(state.thresholdDays)} (${formatMoment(token.expiresAt ?? '')}). ${action}`,
        canReplace: token.replaceable,
      });
    } else if (state.phase === 'expired' && token.expiresAt !== null) {
      const age = now.getTime() - Date.parse(token.expiresAt);
      if (!token.secretHeld && age > EXPIRED_ATTENTION_DAYS * DAY_MS) continue;
      const held = token.secretHeld ? ' Cratekeeper still holds its secret.' : '';
      const action = token.replaceable
        ? 'Regenerate it or create a new one.'
        : token.secretHeld
          ? 'Replace it, then forget it.'
          : 'Replace it.';
      items.push({
        key: token.key,
        name: token.name,
        reason: 'expired',
        threshold: EXPIRED_THRESHOLD,
        expiresAt: token.expiresAt,
        message: `'${token.name}' expired on ${formatMoment(token.expiresAt)}.${held} ${action}`,
        canReplace: token.replaceable,
      });
    }
  }
  for (const lost of snapshot.revokedElsewhere) {
    items.push({
      key: lost.key,
      name: lost.name,
      reason: 'revoked-elsewhere',
      threshold: null,
      expiresAt: null,
      message: `'${lost.name}' was revoked on ${lost.registryLabel}; Cratekeeper still holds its secret: Forget it`,
      canReplace: false,
    });
  }
  for (const account of snapshot.signedOut) {
    items.push({
      key: `account:${account.accountId}`,
      name: account.label,
      reason: 'signed-out',
      threshold: null,
      expiresAt: null,
      message: `${account.label} is signed out: sign in again to keep its tokens watched.`,
      canReplace: false,
    });
  }
  items.sort(
    (a, b) =>
      REASON_ORDER[a.reason] - REASON_ORDER[b.reason] ||
      (a.expiresAt === null || b.expiresAt === null
        ? 0
        : Date.parse(a.expiresAt) - Date.parse(b.expiresAt)) ||
      a.name.localeCompare(b.name) ||
      a.key.localeCompare(b.key),
  );
  return { state: trayStateOf(items), items, refreshedAt };
}

/** alert: something broken (expired, revoked elsewhere, signed out); attention: something expiring. */
export function trayStateOf(items: readonly AttentionItem[]): TrayState {
  if (items.some((item) => item.reason !== 'expiring')) return 'alert';
  return items.length > 0 ? 'attention' : 'ok';
}
