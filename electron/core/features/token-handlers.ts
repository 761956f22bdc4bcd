import type { AccountBook } from '../account-book';
import type { CallHandlers } from '../dispatch';
import type { ImportedTokens } from '../imported-tokens';
import type { Clock } from '../ports';
import type { SecretClipboard } from '../secret-clipboard';
import type { TokenActions } from '../token-actions';
import type { TokenCache } from '../token-cache';
import { listAllTokens } from '../token-lister';
import { tokenSecretId } from '../token-secrets';
import type { VaultService } from '../vault-service';

export type TokenHandlers = Pick<
  CallHandlers,
  | 'tokens:list'
  | 'tokens:import'
  | 'tokens:reveal'
  | 'tokens:copy'
  | 'tokens:create'
  | 'tokens:revoke'
  | 'tokens:rotate'
>;

/** Listing, creating, importing, revealing, copying, revoking and rotating tokens. */
export function tokenHandlers(deps: {
  readonly book: AccountBook;
  readonly vault: VaultService;
  readonly imported: ImportedTokens;
  readonly cache: TokenCache;
  readonly actions: TokenActions;
  readonly secretClipboard: SecretClipboard;
  readonly clock: Clock;
  /** The user's warning days (settings): the list's "expiring" begins at the widest. */
  readonly warningDays?: () => readonly number[];
}): TokenHandlers {
  const { book, vault, imported, cache, actions, secretClipboard, clock, warningDays } = deps;
  return {
    'tokens:list': ({ expiredDays }) =>
      listAllTokens(
        { book, vault, imported, cache, ...(warningDays ? { warningDays } : {}) },
        expiredDays,
      ),
    'tokens:import': (input) => imported.add(input, clock.now()),
    'tokens:reveal': async ({ key }) => ({
      secret: await vault.get().reveal(tokenSecretId(key)),
    }),
    'tokens:copy': async ({ key }) =>
      secretClipboard.copy(await vault.get().reveal(tokenSecretId(key))),
    'tokens:create': async (input) => ({ token: await actions.create(input) }),
    'tokens:revoke': async ({ key }) => {
      const revoked = await actions.revoke(key);
      await cache.forgetTokenByKey(key);
      return revoked;
    },
    'tokens:rotate': ({ key, expiresAt }) => actions.rotate(key, expiresAt),
  };
}
