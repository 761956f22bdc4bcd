import type { Account } from '../../shared/domain/account';
import type { ApiTokenWire } from '../../shared/domain/api-token';
import { classifyToken } from '../../shared/domain/expiry';
import { tokenKeyOf, type TokenList, type TokenView } from '../../shared/domain/token';
import type { AccountBook } from './account-book';
import type { ImportedTokens } from './imported-tokens';
import { RegistryError } from './registry-errors';
import { tokenSecretId } from './token-secrets';
import { VaultLockedError } from './vault/secret-cipher';
import type { VaultService } from './vault-service';

/** Maps crates.io's wire shape to what the list shows. */
export function toTokenView(
  account: Account,
  token: ApiTokenWire,
  now: Date,
  secretHeld: boolean,
): TokenView {
  const expiresAt = token.expired_at ?? null;
  const endpointScopes = token.endpoint_scopes ?? null;
  return {
    key: tokenKeyOf(account.id, token.id),
    source: 'registry',
    accountId: account.id,
    tokenId: token.id,
    registryName: account.registry.name,
    name: token.name,
    endpointScopes,
    cratePatterns: token.crate_scopes ?? null,
    createdAt: token.created_at,
    lastUsedAt: token.last_used_at ?? null,
    expiresAt,
    status: classifyToken({ expiresAt, endpointScopes }, now),
    secretHeld,
  };
}

export interface TokenListSources {
  readonly book: AccountBook;
  readonly vault: VaultService;
  readonly imported: ImportedTokens;
}

/**
 * Lists the tokens of every signed-in account in parallel, plus the imported
 * ones. One account failing does not hide the others: its failure is
 * reported beside the list.
 */
export async function listAllTokens(
  { book, vault, imported }: TokenListSources,
  expiredDays?: number,
): Promise<TokenList> {
  const now = book.clock.now();
  const held = (key: string): boolean => vault.peek()?.has(tokenSecretId(key)) ?? false;
  const accounts = book.list().filter((account) => account.status === 'signed-in');
  const results = await Promise.allSettled(
    accounts.map(async (account) => {
      const client = await book.clientFor(account.id);
      if (!client) return [];
      const tokens = await client.listTokens(expiredDays);
      return tokens.map((token) =>
        toTokenView(account, token, now, held(tokenKeyOf(account.id, token.id))),
      );
    }),
  );
  const list: TokenList = {
    tokens: [],
    fetchedAt: now.toISOString(),
    failures: [],
  };
  for (const [index, result] of results.entries()) {
    const account = accounts[index];
    if (!account) continue;
    if (result.status === 'fulfilled') list.tokens.push(...result.value);
    else list.failures.push(await describeFailure(book, account, result.reason));
  }
  list.tokens.push(...imported.views(now, expiredDays));
  return list;
}

async function describeFailure(
  book: AccountBook,
  account: Account,
  error: unknown,
): Promise<{ accountId: string; message: string }> {
  const who = `${account.login} on ${account.registry.name}`;
  if (error instanceof RegistryError && error.isAuthFailure) {
    await book.markSignedOut(account.id);
    return { accountId: account.id, message: `${who} is signed out: sign in again.` };
  }
  if (error instanceof VaultLockedError) {
    return { accountId: account.id, message: `Unlock the vault to refresh ${who}.` };
  }
  return {
    accountId: account.id,
    message: `${who}: ${error instanceof Error ? error.message : 'the registry could not be read.'}`,
  };
}
