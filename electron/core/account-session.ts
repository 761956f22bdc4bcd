import type { Account } from '../../shared/domain/account';
import type { AccountBook } from './account-book';
import { ActionError } from './action-error';
import type { RegistryClient } from './registry-client';
import { RegistryError } from './registry-errors';

export interface SignedInAccount {
  readonly account: Account;
  readonly client: RegistryClient;
}

/** "kate on crates-io": how messages name an account. */
export function accountLabel(account: Account): string {
  return `${account.login} on ${account.registry.name}`;
}

/**
 * Runs an action as a signed-in account. When the registry refuses the
 * session (403/401 on a cookie call), the account is marked signed out, as
 * the token list does, so the UI offers to sign in again.
 */
export async function withSignedInAccount<T>(
  book: AccountBook,
  accountId: string,
  action: (session: SignedInAccount) => Promise<T>,
): Promise<T> {
  const account = book.find(accountId);
  if (!account) throw new ActionError('not-found', 'Cratekeeper does not know this account.');
  const client = await book.clientFor(accountId);
  if (!client) {
    throw new ActionError('signed-out', `${accountLabel(account)} is signed out: sign in again.`);
  }
  try {
    return await action({ account, client });
  } catch (error) {
    if (error instanceof RegistryError && error.isAuthFailure) await book.markSignedOut(accountId);
    throw error;
  }
}
