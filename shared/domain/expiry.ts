/** What the list shows for a token, worst first. */
export const TOKEN_STATUSES = ['expired', 'expiring', 'legacy', 'no-expiry', 'active'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** The app's default warning thresholds, in days before expiry. */
export const DEFAULT_WARNING_DAYS = [14, 7, 3, 1] as const;

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExpiryFacts {
  readonly expiresAt: string | null;
  readonly endpointScopes: readonly string[] | null;
}

/**
 * Classifies a token. Expiry outranks scope: a legacy token that expires in two
 * days is shown as expiring, because that is what needs action first.
 */
export function classifyToken(
  token: ExpiryFacts,
  now: Date,
  warnWithinDays: number = DEFAULT_WARNING_DAYS[0],
): TokenStatus {
  if (token.expiresAt !== null) {
    // Date.parse rather than date-fns: lists classify thousands of tokens at a time.
    const left = Date.parse(token.expiresAt) - now.getTime();
    if (left <= 0) return 'expired';
    if (left <= warnWithinDays * DAY_MS) return 'expiring';
  }
  if (token.endpointScopes === null) return 'legacy';
  if (token.expiresAt === null) return 'no-expiry';
  return 'active';
}

/*
 * The expiry model: the thresholds a token crosses on its way to expiry, what
 * it has crossed at a moment, and when that next changes. The list's badges,
 * the banner, the tray and the notifications all read it from here.
 */

/** The last threshold of every token that expires: the moment it does. */
export const EXPIRED_THRESHOLD = 'expired';

/** A threshold as notifications and attention items name it: `14d`…`1d`, or `expired`. */
export function thresholdName(days: number): string {
  return days === 0 ? EXPIRED_THRESHOLD : `${days}d`;
}

/** Days before expiry a threshold name stands for (`expired` = 0); null when it is neither form. */
export function thresholdDays(name: string): number | null {
  if (name === EXPIRED_THRESHOLD) return 0;
  const match = /^([1-9][0-9]{0,2})d$/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The warning days, widest first, without repeats or values that are not whole days ≥ 1. */
export function orderedWarningDays(warningDays: readonly number[]): number[] {
  const valid = warningDays.filter((days) => Number.isInteger(days) && days >= 1);
  return [...new Set(valid)].sort((a, b) => b - a);
}

// A list of thousands asks the same settings array once per token: order it once.
const orderedOnce = new WeakMap<readonly number[], readonly number[]>();

/** `orderedWarningDays`, kept per array: for the callers that only read it. */
function orderedWarningDaysOf(warningDays: readonly number[]): readonly number[] {
  let ordered = orderedOnce.get(warningDays);
  if (ordered === undefined) {
    ordered = orderedWarningDays(warningDays);
    orderedOnce.set(warningDays, ordered);
  }
  return ordered;
}

/** Where a token stands on its way to expiry. */
export type ExpiryPhase = 'no-expiry' | 'ok' | 'expiring' | 'expired';

export interface ExpiryState {
  readonly phase: ExpiryPhase;
  /** The tightest threshold crossed (`7d`, `expired`…); null before the first or without expiry. */
  readonly threshold: string | null;
  /** Its days before expiry (0 for `expired`); null with `threshold`. */
  readonly thresholdDays: number | null;
  /** When the phase or threshold next changes; null when it never will (expired, or no expiry). */
  readonly nextChangeAt: Date | null;
}

/**
 * A token's expiry state at `now` under the user's warning days. A threshold
 * of d days is crossed once at most d days are left; expiry is crossed at the
 * expiry instant itself.
 */
export function expiryState(
  expiresAt: string | null,
  now: Date,
  warningDays: readonly number[] = DEFAULT_WARNING_DAYS,
): ExpiryState {
  if (expiresAt === null) {
    return { phase: 'no-expiry', threshold: null, thresholdDays: null, nextChangeAt: null };
  }
  const expiry = Date.parse(expiresAt);
  const left = expiry - now.getTime();
  if (Number.isNaN(expiry) || left <= 0) {
    return { phase: 'expired', threshold: EXPIRED_THRESHOLD, thresholdDays: 0, nextChangeAt: null };
  }
  // Widest first; each threshold's moment is `days` before expiry, then expiry itself.
  const moments = [...orderedWarningDaysOf(warningDays), 0];
  let crossed: number | null = null;
  for (const days of moments) {
    if (days === 0) break;
    if (left <= days * DAY_MS) crossed = days;
  }
  const next = moments.find((days) => left > days * DAY_MS) ?? 0;
  const nextChangeAt = new Date(expiry - next * DAY_MS);
  if (crossed === null) {
    return { phase: 'ok', threshold: null, thresholdDays: null, nextChangeAt };
  }
  return {
    phase: 'expiring',
    threshold: thresholdName(crossed),
    thresholdDays: crossed,
    nextChangeAt,
  };
}

/** The widest warning day: where a token starts to be "expiring". */
export function widestWarningDay(warningDays: readonly number[]): number {
  return orderedWarningDaysOf(warningDays)[0] ?? DEFAULT_WARNING_DAYS[0];
}
