import type { AccountBook } from '../account-book';
import type { CallHandlers } from '../dispatch';
import type { TokenActions } from '../token-actions';
import type { TokenCache } from '../token-cache';

export type AccountHandlers = Pick<
  CallHandlers,
  'accounts:list' | 'accounts:sign-in' | 'accounts:sign-out' | 'accounts:remove' | 'accounts:crates'
>;

/** Signing in and out, and forgetting an account with everything the app holds for it. */
export function accountHandlers(deps: {
  readonly book: AccountBook;
  readonly cache: TokenCache;
  readonly actions: TokenActions;
}): AccountHandlers {
  const { book, cache, actions } = deps;
  return {
    'accounts:list': () => Promise.resolve(book.list()),
    'accounts:sign-in': ({ registry }) => book.signIn(registry),
    'accounts:sign-out': ({ accountId }) => book.signOut(accountId),
    'accounts:remove': async ({ accountId }) => {
      const accounts = await book.remove(accountId);
      await cache.forget(accountId);
      return accounts;
    },
    'accounts:crates': ({ accountId }) => actions.ownedCrates(accountId),
  };
}
