import {
  accountIdOf,
  type Account,
  type AccountStatus,
  type Registry,
} from '../../shared/domain/account';
import type { Clock, EventSink, Fetch, SignInWindow } from './ports';
import type { ReadRetryPolicy } from './read-retry';
import { RegistryClient } from './registry-client';
import type { MetadataStore } from './store/metadata-store';
import { tokenSecretId } from './token-secrets';
import type { VaultService } from './vault-service';

/** The vault id of an account's session cookie. */
export function sessionSecretId(accountId: string): string {
  return `session:${accountId}`;
}

export interface AccountBookPorts {
  readonly fetch: Fetch;
  readonly signInWindow: SignInWindow;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly store: MetadataStore;
  readonly vault: VaultService;
  /** How reads are retried; the default (backoff up to 10 s) unless a test wants no waiting. */
  readonly readRetry?: ReadRetryPolicy;
}

/**
 * The accounts the app knows. Their public facts live in the metadata store;
 * each session cookie lives only in the vault, sealed, and leaves it only
 * inside a RegistryClient aimed at that account's own registry.
 */
export class AccountBook {
  constructor(private readonly ports: AccountBookPorts) {}

  get clock(): Clock {
    return this.ports.clock;
  }

  list(): Account[] {
    return this.ports.store.get('accounts');
  }

  find(accountId: string): Account | null {
    return this.list().find((account) => account.id === accountId) ?? null;
  }

  /** Runs the registry's own sign-in, checks the cookie with `/api/v1/me`, keeps the account. */
  async signIn(registry: Registry): Promise<Account> {
    // Fail before the user goes through sign-in if the cookie could not be kept.
    this.ports.vault.get();
    const cookie = await this.ports.signInWindow.signIn(registry.baseUrl);
    return this.addSession(registry, cookie);
  }

  /** Adds (or refreshes) the account behind a session cookie after checking it. */
  async addSession(registry: Registry, cookie: string): Promise<Account> {
    const vault = this.ports.vault.get();
    const me = await new RegistryClient(registry.baseUrl, cookie, this.ports.fetch).me();
    const account: Account = {
      id: accountIdOf(registry, me.user.id),
      registry,
      userId: me.user.id,
      login: me.user.login,
      displayName: me.user.name ?? null,
      avatarUrl: me.user.avatar ?? null,
      status: 'signed-in',
    };
    await vault.put(sessionSecretId(account.id), 'session-cookie', cookie);
    this.save([...this.list().filter((known) => known.id !== account.id), account]);
    return account;
  }

  /** A client for a signed-in account, or null when it has no session. Throws while the vault is locked. */
  async clientFor(accountId: string): Promise<RegistryClient | null> {
    const account = this.find(accountId);
    if (account?.status !== 'signed-in') return null;
    // The metadata file has no integrity protection; the account id (which
    // names the cookie's vault record) fixes the host the cookie belongs to,
    // so an edited base URL cannot send the cookie elsewhere (NOTES.md).
    if (accountIdOf(account.registry, account.userId) !== accountId) return null;
    const vault = this.ports.vault.get();
    if (!vault.has(sessionSecretId(accountId))) return null;
    const cookie = await vault.reveal(sessionSecretId(accountId));
    return new RegistryClient(
      account.registry.baseUrl,
      cookie,
      this.ports.fetch,
      this.ports.readRetry,
    );
  }

  /**
   * Ends the session on the registry, then forgets the cookie. The cookie is
   * forgotten even when the registry cannot be reached: the user asked for it.
   */
  async signOut(accountId: string): Promise<Account[]> {
    const client = await this.clientFor(accountId);
    try {
      await client?.signOut();
    } finally {
      await this.forgetSession(accountId);
    }
    return this.list();
  }

  /** Forgets the account entirely, signing it out first. */
  async remove(accountId: string): Promise<Account[]> {
    await this.signOut(accountId).catch(() => undefined);
    const vault = this.ports.vault.peek();
    await vault?.delete(sessionSecretId(accountId));
    // Secrets of the account's tokens go too: "remove" forgets everything held for it.
    for (const id of vault?.ids('token') ?? []) {
      if (id.startsWith(tokenSecretId(`${accountId}/`))) await vault?.delete(id);
    }
    this.save(this.list().filter((account) => account.id !== accountId));
    return this.list();
  }

  /** The registry refused the session: forget the cookie, keep the account to sign in again. */
  async markSignedOut(accountId: string): Promise<void> {
    await this.forgetSession(accountId);
  }

  private async forgetSession(accountId: string): Promise<void> {
    await this.ports.vault.peek()?.delete(sessionSecretId(accountId));
    this.setStatus(accountId, 'signed-out');
  }

  private setStatus(accountId: string, status: AccountStatus): void {
    this.save(
      this.list().map((account) => (account.id === accountId ? { ...account, status } : account)),
    );
  }

  private save(accounts: Account[]): void {
    this.ports.store.set('accounts', accounts);
    this.ports.events.emit('accounts:changed', accounts);
  }
}
