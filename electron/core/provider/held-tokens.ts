import type { Account } from '../../../shared/domain/account';
import type { ApiTokenWire } from '../../../shared/domain/api-token';
import { tokenKeyOf } from '../../../shared/domain/token';
import type { AccountBook } from '../account-book';
import type { ImportedTokens } from '../imported-tokens';
import type { Clock } from '../ports';
import type { MetadataStore } from '../store/metadata-store';
import { stillListed, type TokenCache } from '../token-cache';
import { tokenSecretId } from '../token-secrets';
import type { VaultService } from '../vault-service';
import type { ProviderRegistry } from './provider-registries';
import type { TokenCandidate } from './token-choice';

export interface HeldTokensPorts {
  readonly book: AccountBook;
  readonly cache: TokenCache;
  readonly vault: VaultService;
  readonly imported: ImportedTokens;
  readonly store: MetadataStore;
  readonly clock: Clock;
}

/**
 * The tokens of one registry whose secrets the vault holds, with what the
 * registry says of them (scopes, patterns, expiry), for the token choice.
 *
 * Each signed-in account's list is asked for afresh: a token created a
 * moment ago must be found, and one revoked elsewhere must not be handed
 * out. When the registry cannot be asked (offline, signed out, vault locked)
 * the last known list stands, less the tokens the watch found revoked.
 */
export class HeldTokens {
  constructor(private readonly ports: HeldTokensPorts) {}

  async candidates(registry: ProviderRegistry): Promise<TokenCandidate[]> {
    const { vault, imported, clock } = this.ports;
    const now = clock.now();
    const held = (key: string): boolean => vault.peek()?.has(tokenSecretId(key)) ?? false;
    const candidates: TokenCandidate[] = [];
    // The registry is asked only about accounts with a secret held: nothing held, nothing to ask.
    const heldIds = vault.peek()?.ids('token') ?? [];
    const lists = await Promise.all(
      registry.accounts.map((account) => {
        const prefix = tokenSecretId(`${account.id}/`);
        return heldIds.some((id) => id.startsWith(prefix))
          ? this.listOf(account)
          : Promise.resolve(null);
      }),
    );
    const revokedElsewhere = new Set(
      this.ports.store.get('watch').revokedElsewhere.map((lost) => lost.key),
    );
    for (const [index, account] of registry.accounts.entries()) {
      const list = lists[index];
      if (!list) continue;
      for (const wire of list.tokens) {
        const key = tokenKeyOf(account.id, wire.id);
        if (!held(key)) continue;
        candidates.push({
          key,
          name: wire.name,
          source: 'registry',
          endpointScopes: wire.endpoint_scopes ?? null,
          cratePatterns: wire.crate_scopes ?? null,
          expiresAt: wire.expired_at ?? null,
          revoked: !list.fresh && revokedElsewhere.has(key),
        });
      }
    }
    for (const view of imported.views(now)) {
      if (view.registryName !== registry.registryName || !view.secretHeld) continue;
      candidates.push({
        key: view.key,
        name: view.name,
        source: 'imported',
        endpointScopes: null,
        cratePatterns: null,
        expiresAt: view.expiresAt,
        revoked: false,
      });
    }
    return candidates;
  }

  /** The account's list, from the registry when it answers, else as last known. */
  private async listOf(
    account: Account,
  ): Promise<{ tokens: readonly ApiTokenWire[]; fresh: boolean } | null> {
    const { book, cache, clock } = this.ports;
    try {
      const client = await book.clientFor(account.id);
      if (client) {
        const tokens = await client.listTokens();
        cache.rememberSoon([{ accountId: account.id, tokens }], undefined, clock.now());
        return { tokens, fresh: true };
      }
    } catch {
      // Offline, signed out or locked: the last known list answers.
    }
    const cached = await cache.get(account.id);
    return cached ? { tokens: stillListed(cached, clock.now(), undefined), fresh: false } : null;
  }
}
