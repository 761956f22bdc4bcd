import type { CreateTokenInput } from '../../shared/domain/create-token';
import type { TokenView } from '../../shared/domain/token';
import { parseRegistryTokenKey, type RegistryTokenRef } from '../../shared/domain/token-key';
import type { AccountBook } from './account-book';
import { withSignedInAccount } from './account-session';
import { ActionError } from './action-error';
import { CreationLedger } from './creation-ledger';
import type { Clock } from './ports';
import { RegistryError } from './registry-errors';
import { revokeFailureText } from './registry-messages';
import { createRegistryToken, type CreatorDeps } from './token-creator';
import { rotateRegistryToken, type RotationResult } from './token-rotation';
import { tokenSecretId } from './token-secrets';
import type { VaultService } from './vault-service';

export interface TokenActionPorts {
  readonly book: AccountBook;
  readonly vault: VaultService;
  readonly clock: Clock;
  /**
   * Where the rotated token's secret must follow (cargo's credentials when
   * cargo uses it): asked before the rotation, it returns what to do once the
   * new token exists, or null when nothing uses the old one.
   */
  readonly followRotation?: (
    oldKey: string,
  ) => Promise<((created: TokenView) => Promise<string | null>) | null>;
}

function registryRef(key: string, verb: string): RegistryTokenRef {
  const ref = parseRegistryTokenKey(key);
  if (!ref) {
    throw new ActionError(
      'invalid-input',
      `Only tokens listed by a signed-in account can be ${verb} here; an imported token is ${verb} on its registry's website.`,
    );
  }
  return ref;
}

/**
 * Creating, revoking and rotating registry tokens, and the account's crates
 * for the builder's preview: the core side of `tokens:create`,
 * `tokens:revoke`, `tokens:rotate` and `accounts:crates`.
 */
export class TokenActions {
  private readonly ledger = new CreationLedger();

  constructor(private readonly ports: TokenActionPorts) {}

  /** Creates a token and keeps its secret in the vault; the answer never holds the secret. */
  create({ accountId, ...request }: CreateTokenInput): Promise<TokenView> {
    return withSignedInAccount(this.ports.book, accountId, (session) =>
      createRegistryToken(session, this.creatorDeps(), request),
    );
  }

  /**
   * Revokes with the session cookie and answers only once the registry
   * confirmed; then forgets any secret the app held for it.
   */
  async revoke(key: string): Promise<{ key: string }> {
    const { accountId, tokenId } = registryRef(key, 'revoked');
    await withSignedInAccount(this.ports.book, accountId, async ({ account, client }) => {
      try {
        await client.revokeToken(tokenId);
      } catch (error) {
        // The registry's words and what happens next, not a bare "Service Unavailable".
        const text = revokeFailureText(error, new URL(account.registry.baseUrl).host);
        if (text === null) throw error;
        throw new ActionError(error instanceof RegistryError ? 'registry-error' : 'network', text);
      }
    });
    await this.forgetSecret(key);
    return { key };
  }

  /** A new token like the old one with a new expiry; then the old one revoked. */
  async rotate(key: string, expiresAt: string | null): Promise<RotationResult> {
    const { accountId, tokenId } = registryRef(key, 'rotated');
    // Asked before anything changes: afterwards the old secret may be gone.
    const follow = (await this.ports.followRotation?.(key).catch(() => null)) ?? null;
    return withSignedInAccount(this.ports.book, accountId, (session) =>
      rotateRegistryToken(session, this.creatorDeps(), tokenId, expiresAt, {
        ...(follow ? { created: follow } : {}),
        revoked: () => this.forgetSecret(key),
        revokeFailed: async (error) => {
          // The new token is kept either way; a refused session still means signed out.
          if (error instanceof RegistryError && error.isAuthFailure) {
            await this.ports.book.markSignedOut(accountId);
          }
        },
      }),
    );
  }

  /** The account's own crates (`GET /api/v1/me`), sorted, for matching patterns against. */
  ownedCrates(accountId: string): Promise<{ crates: string[] }> {
    return withSignedInAccount(this.ports.book, accountId, async ({ client }) => {
      const me = await client.me();
      return { crates: [...new Set(me.owned_crates.map((crate) => crate.name))].sort() };
    });
  }

  private creatorDeps(): CreatorDeps {
    return { vault: this.ports.vault, now: this.ports.clock.now(), ledger: this.ledger };
  }

  /** Deleting needs no decryption, so it works while a passphrase vault is locked. */
  private async forgetSecret(key: string): Promise<void> {
    await this.ports.vault.peek()?.delete(tokenSecretId(key));
  }
}
