/** What the list shows for a token, worst first. */
export const TOKEN_STATUSES = ['expired', 'expiring', 'legacy', 'no-expiry', 'active'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** The app's default warning thresholds, in days before expiry. */
export const DEFAULT_WARNING_DAYS = [14, 7, 3, 1] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

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
