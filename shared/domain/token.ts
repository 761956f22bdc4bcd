import { z } from 'zod';
import { endpointScopeSchema } from './scopes';
import { TOKEN_STATUSES } from './expiry';

/** A token as the renderer sees it: metadata only, never the secret. */
export const tokenViewSchema = z.object({
  /** Unique across accounts: `${accountId}/${tokenId}`. */
  key: z.string(),
  accountId: z.string(),
  tokenId: z.number().int(),
  name: z.string(),
  /** null = legacy token (every right). */
  endpointScopes: z.array(endpointScopeSchema).nullable(),
  /** null or empty = any crate. */
  cratePatterns: z.array(z.string()).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  status: z.enum(TOKEN_STATUSES),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

/** Why one account's tokens could not be fetched. */
export const accountFailureSchema = z.object({ accountId: z.string(), message: z.string() });

export const tokenListSchema = z.object({
  tokens: z.array(tokenViewSchema),
  /** ISO time the list was fetched. */
  fetchedAt: z.string(),
  failures: z.array(accountFailureSchema),
});
export type TokenList = z.infer<typeof tokenListSchema>;

export function tokenKeyOf(accountId: string, tokenId: number): string {
  return `${accountId}/${tokenId}`;
}
