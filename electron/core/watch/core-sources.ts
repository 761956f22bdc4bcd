import type { Account } from '../../../shared/domain/account';
import { parseRegistryTokenKey } from '../../../shared/domain/token-key';
import type { TokenView } from '../../../shared/domain/token';
import type { AccountBook } from '../account-book';
import type { ImportedTokens } from '../imported-tokens';
import type { WatchMemory } from '../store/metadata';
import type { MetadataStore } from '../store/metadata-store';
import type { TokenCache } from '../token-cache';
import { listAllTokens, toTokenView } from '../token-lister';
import type { VaultService } from '../vault-service';
import {
  registryLabelOfAccount,
  type LostToken,
  type WatchedToken,
  type WatchSnapshot,
  type WatchSources,
} from './watch-snapshot';

/**
 * Background refreshes ask for the expired tokens of the last year too, so a
 * token that expired is still known as expired (not taken for revoked), and
 * a held secret the registry does not list even then was revoked.
 */
export const WATCH_EXPIRED_DAYS = 365;
/** Imported tokens are listed with their whole expired history: the user holds their secrets. */
const IMPORTED_EXPIRED_DAYS = 100 * 365;

const TOKEN_SECRET_PREFIX = 'token:';

export interface CoreWatchSourceDeps {
  readonly book: AccountBook;
  readonly vault: VaultService;
  readonly imported: ImportedTokens;
  readonly cache: TokenCache;
  readonly store: MetadataStore;
}

/**
 * The watch's view of the core: the last known list of every account (the
 * offline cache, which every list and refresh fills), the tokens of the
 * watch's own last refresh that the window's list leaves out (expired ones),
 * the imported tokens, and the held secrets the registry stopped listing.
 */
export class CoreWatchSources implements WatchSources {
  /** Per account, what the watch's own last refresh listed (expired tokens included). */
  private readonly watchLists = new Map<string, readonly TokenView[]>();
  /** Every token name seen, to name a token once the registry no longer lists it. */
  private readonly names = new Map<string, string>();

  constructor(private readonly deps: CoreWatchSourceDeps) {}

  async snapshot(): Promise<WatchSnapshot> {
    const { book, vault, imported, cache, store } = this.deps;
    const now = book.clock.now();
    const held = (key: string): boolean => vault.peek()?.has(TOKEN_SECRET_PREFIX + key) ?? false;
    const tokens: WatchedToken[] = [];
    const accounts = book.list();
    for (const account of accounts) {
      const cached = await cache.get(account.id);
      const views = (cached?.tokens ?? []).map((wire) =>
        toTokenView(account, wire, now, held(`${account.id}/${wire.id}`)),
      );
      const listed = new Set(views.map((view) => view.key));
      // The window's list leaves expired tokens out; the watch's own refresh kept them.
      for (const view of this.watchLists.get(account.id) ?? []) {
        const expired = view.expiresAt !== null && Date.parse(view.expiresAt) <= now.getTime();
        if (expired && !listed.has(view.key)) views.push(view);
      }
      for (const view of views) tokens.push(this.watched(view, account));
    }
    for (const view of imported.views(now, IMPORTED_EXPIRED_DAYS)) {
      this.names.set(view.key, view.name);
      tokens.push({
        key: view.key,
        name: view.name,
        expiresAt: view.expiresAt,
        source: 'imported',
        registryLabel: view.registryName,
        replaceable: false,
        secretHeld: view.secretHeld,
      });
    }
    const revokedElsewhere: LostToken[] = store
      .get('watch')
      .revokedElsewhere.filter((lost) => held(lost.key))
      .map((lost) => ({
        key: lost.key,
        name: lost.name,
        registryLabel: registryLabelOfAccount(parseRegistryTokenKey(lost.key)?.accountId ?? ''),
      }));
    const signedOut = accounts
      .filter((account) => account.status === 'signed-out')
      .map((account) => ({
        accountId: account.id,
        label: `${account.login} on ${registryLabelOfAccount(account.id)}`,
      }));
    return { tokens, revokedElsewhere, signedOut };
  }

  async refresh(): Promise<void> {
    const { book, vault, imported, cache, store } = this.deps;
    // Names as known before the refresh: a token revoked elsewhere is named from them.
    await this.snapshot();
    // Secrets held before the lists were asked for: a token created meanwhile is not in them yet.
    const heldKeys = heldTokenKeys(vault);
    const list = await listAllTokens({ book, vault, imported, cache }, WATCH_EXPIRED_DAYS);
    const failed = new Set(list.failures.map((failure) => failure.accountId));
    const refreshed = new Set(
      book
        .list()
        .filter((account) => account.status === 'signed-in' && !failed.has(account.id))
        .map((account) => account.id),
    );
    const listedKeys = new Set<string>();
    const lists = new Map<string, TokenView[]>([...refreshed].map((accountId) => [accountId, []]));
    for (const view of list.tokens) {
      const kept = view.accountId === null ? undefined : lists.get(view.accountId);
      if (!kept) continue;
      kept.push(view);
      listedKeys.add(view.key);
      this.names.set(view.key, view.name);
    }
    for (const [accountId, views] of lists) this.watchLists.set(accountId, views);
    const now = book.clock.now().toISOString();
    const memory = store.get('watch');
    const before = new Map(memory.revokedElsewhere.map((lost) => [lost.key, lost]));
    const stillHeld = new Set(heldTokenKeys(vault));
    const lost: WatchMemory['revokedElsewhere'] = [];
    for (const key of heldKeys) {
      const ref = parseRegistryTokenKey(key);
      // Forgotten while the lists were asked for: nothing is held any more.
      if (!ref || !stillHeld.has(key)) continue;
      const known = before.get(key);
      if (refreshed.has(ref.accountId)) {
        if (listedKeys.has(key)) continue;
        lost.push({
          key,
          name: known?.name ?? this.names.get(key) ?? `token ${ref.tokenId}`,
          detectedAt: known?.detectedAt ?? now,
        });
      } else if (known) {
        // Not asked this time: what was found before stands.
        lost.push(known);
      }
    }
    store.set('watch', { ...store.get('watch'), revokedElsewhere: lost });
  }

  private watched(view: TokenView, account: Account): WatchedToken {
    this.names.set(view.key, view.name);
    return {
      key: view.key,
      name: view.name,
      expiresAt: view.expiresAt,
      source: 'registry',
      registryLabel: registryLabelOfAccount(account.id),
      replaceable:
        account.status === 'signed-in' &&
        view.endpointScopes !== null &&
        view.endpointScopes.length > 0,
      secretHeld: view.secretHeld,
    };
  }
}

/** The list keys of the token secrets the vault holds (no decryption needed). */
function heldTokenKeys(vault: VaultService): string[] {
  return (vault.peek()?.ids('token') ?? [])
    .filter((id) => id.startsWith(TOKEN_SECRET_PREFIX))
    .map((id) => id.slice(TOKEN_SECRET_PREFIX.length));
}
