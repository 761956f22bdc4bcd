import type { ApiTokenWire } from '../../shared/domain/api-token';
import { classifyToken } from '../../shared/domain/expiry';
import { tokenKeyOf, type TokenList, type TokenView } from '../../shared/domain/token';
import type { AccountBook } from './account-book';
import { RegistryError } from './registry-errors';

/** Maps crates.io's wire shape to what the list shows. */
export function toTokenView(accountId: string, token: ApiTokenWire, now: Date): TokenView {
  const expiresAt = token.expired_at ?? null;
  const endpointScopes = token.endpoint_scopes ?? null;
  return {
    key: tokenKeyOf(accountId, token.id),
    accountId,
    tokenId: token.id,
    name: token.name,
    endpointScopes,
    cratePatterns: token.crate_scopes ?? null,
    createdAt: token.created_at,
    lastUsedAt: token.last_used_at ?? null,
    expiresAt,
    status: classifyToken({ expiresAt, endpointScopes }, now),
  };
}

/**
 * Lists the tokens of every signed-in account in parallel. One account failing
 * does not hide the others: its failure is reported beside the list.
 */
export async function listAllTokens(book: AccountBook, expiredDays?: number): Promise<TokenList> {
  const now = book.clock.now();
  const accounts = book.list().filter((account) => account.status === 'signed-in');
  const results = await Promise.allSettled(
    accounts.map(async (account) => {
      const client = book.clientFor(account.id);
      if (!client) return [];
      const tokens = await client.listTokens(expiredDays);
      return tokens.map((token) => toTokenView(account.id, token, now));
    }),
  );
  const list: TokenList = { tokens: [], fetchedAt: now.toISOString(), failures: [] };
  results.forEach((result, index) => {
    const account = accounts[index];
    if (!account) return;
    if (result.status === 'fulfilled') {
      list.tokens.push(...result.value);
      return;
    }
    const error: unknown = result.reason;
    if (error instanceof RegistryError && error.isAuthFailure) {
      book.markSignedOut(account.id);
      list.failures.push({
        accountId: account.id,
        message: `${account.login} on ${account.registry.name} is signed out: sign in again.`,
      });
      return;
    }
    list.failures.push({
      accountId: account.id,
      message: error instanceof Error ? error.message : 'The registry could not be read.',
    });
  });
  return list;
}
