import { z } from 'zod';
import { endpointScopeSchema } from './scopes';
import { TOKEN_STATUSES } from './expiry';

/** A token as the renderer sees it: metadata only, never the secret. */
export const tokenViewSchema = z.object({
  /** Unique across accounts: `${accountId}/${tokenId}`, or `imported/${id}`. */
  key: z.string(),
  /**
   * `registry`: listed by a signed-in account's registry. `imported`: pasted by
   * the user; the app knows only what the user told it (no scopes, no last use).
   */
  source: z.enum(['registry', 'imported']),
  /** null for an imported token. */
  accountId: z.string().nullable(),
  /** The registry's token id; null for an imported token. */
  tokenId: z.number().int().nullable(),
  /** cargo's name for the registry (`crates-io` for crates.io). */
  registryName: z.string(),
  name: z.string(),
  /** null = legacy token (every right), or unknown for an imported token. */
  endpointScopes: z.array(endpointScopeSchema).nullable(),
  /** null or empty = any crate. */
  cratePatterns: z.array(z.string()).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  status: z.enum(TOKEN_STATUSES),
  /** The app holds this token's secret (encrypted in the vault). */
  secretHeld: z.boolean(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

/**
 * What kind of failure it was, so the list can name it: the registry not
 * reached or failing (offline), asking the app to wait (429), the vault
 * locked, or the session refused.
 */
export const ACCOUNT_FAILURE_KINDS = ['offline', 'rate-limited', 'locked', 'signed-out'] as const;
export type AccountFailureKind = (typeof ACCOUNT_FAILURE_KINDS)[number];

/** Why one account's tokens could not be fetched. */
export const accountFailureSchema = z.object({
  accountId: z.string(),
  /** Absent from older cores: read as 'offline'. */
  kind: z.enum(ACCOUNT_FAILURE_KINDS).optional(),
  /** For 'rate-limited' with a `Retry-After`: the ISO time from which to try again. */
  retryAt: z.string().nullable().optional(),
  /** What went wrong and what to do, as a sentence; the account is named by whoever shows it. */
  message: z.string(),
  /**
   * When the account's tokens could not be read but were read before (the
   * registry unreachable or failing, the vault locked), the list holds them
   * as last fetched, and this is the ISO time of that fetch. null: the list
   * holds none of this account's tokens.
   */
  lastKnownAt: z.string().nullable(),
});
export type AccountFailure = z.infer<typeof accountFailureSchema>;

export const tokenListSchema = z.object({
  tokens: z.array(tokenViewSchema),
  /** ISO time the list was fetched. */
  fetchedAt: z.string(),
  failures: z.array(accountFailureSchema),
  /**
   * The widest warning day the statuses were judged with (where "expiring"
   * begins). The window judges them again only when its warning days differ.
   */
  warnWithinDays: z.number().int().positive().optional(),
});
export type TokenList = z.infer<typeof tokenListSchema>;

export function tokenKeyOf(accountId: string, tokenId: number): string {
  return `${accountId}/${tokenId}`;
}

export const IMPORTED_KEY_PREFIX = 'imported/';

export function importedTokenKeyOf(id: string): string {
  return `${IMPORTED_KEY_PREFIX}${id}`;
}
