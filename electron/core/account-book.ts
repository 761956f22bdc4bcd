import {
  accountIdOf,
  isAllowedRegistryUrl,
  type Account,
  type AccountStatus,
  type Registry,
} from '../../shared/domain/account';
import { ActionError } from './action-error';
import type { RegistryHttpLimits } from './http/http-limits';
import type { Clock, EventSink, Fetch, SignInWindow } from './ports';
import type { ReadRetryPolicy } from './read-retry';
import { RegistryClient } from './registry-client';
import { openSessionRecord, registryOrigin, sessionRecordText } from './session-record';
import type { MetadataStore } from './store/metadata-store';
import { tokenSecretId } from './token-secrets';
import type { VaultService } from './vault-service';

/** The vault id of an account's session cookie. */
export function sessionSecretId(accountId: string): string {
  return `session:${accountId}`;
}

/** The host part of an account id (`host#userId`, see accountIdOf). */
function hostOfAccountId(accountId: string): string {
  return accountId.slice(0, accountId.lastIndexOf('#'));
}

/**
 * Refuses a registry the app must not hold a session for: plain http to
 * another machine would carry the session cookie across the network in
 * clear text. The renderer may warn first; this is where it is enforced.
 */
function assertAllowedRegistry(registry: Registry): void {
  if (isAllowedRegistryUrl(registry.baseUrl)) return;
  let host = registry.baseUrl;
  let plainHttp = false;
  try {
    const url = new URL(registry.baseUrl);
    host = url.host;
    plainHttp = url.protocol === 'http:';
  } catch {
    // Not a URL at all: named as given.
  }
  throw new ActionError(
    'invalid-input',
    plainHttp
      ? `${host} uses plain http, which Cratekeeper allows only for a registry on this machine (localhost, 127.x.x.x or ::1): elsewhere your session would cross the network unencrypted. Use the registry's https:// address.`
      : `${host} is not an https:// address. Use the registry's https:// address.`,
  );
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
  /** Time limits and size caps of registry answers; the defaults unless a test wants them short. */
  readonly httpLimits?: RegistryHttpLimits;
}

/**
 * The accounts the app knows. Their public facts live in the metadata store;
 * each session cookie lives only in the vault, sealed together with the
 * origin that issued it, and leaves it only inside a RegistryClient aimed at
 * that origin.
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
    // Fail before the user goes through sign-in if the registry is not allowed
    // or the cookie could not be kept.
    assertAllowedRegistry(registry);
    this.ports.vault.get();
    const cookie = await this.ports.signInWindow.signIn(registry.baseUrl);
    return this.addSession(registry, cookie);
  }

  /** Adds (or refreshes) the account behind a session cookie after checking it. */
  async addSession(registry: Registry, cookie: string): Promise<Account> {
    assertAllowedRegistry(registry);
    const vault = this.ports.vault.get();
    const me = await this.client(registry.baseUrl, cookie).me();
    const account: Account = {
      id: accountIdOf(registry, me.user.id),
      registry,
      userId: me.user.id,
      login: me.user.login,
      displayName: me.user.name ?? null,
      avatarUrl: me.user.avatar ?? null,
      status: 'signed-in',
    };
    const record = { origin: registryOrigin(registry.baseUrl), cookie };
    await vault.put(sessionSecretId(account.id), 'session-cookie', sessionRecordText(record));
    this.save([...this.list().filter((known) => known.id !== account.id), account]);
    return account;
  }

  /**
   * A client for a signed-in account, or null when it has no usable session.
   * Throws while the vault is locked.
   *
   * The metadata file has no integrity protection, so its base URL is not
   * trusted to say where the cookie goes (NOTES.md: only to the registry's
   * own origin). The account id (which names the cookie's vault record) fixes
   * the host, the origin sealed with the cookie fixes scheme and port, and
   * plain http must stay on this machine. When any of these disagree, the
   * session is treated as ended: forgotten, without sending it anywhere (not
   * even to sign out), and the account shows as signed out.
   */
  async clientFor(accountId: string): Promise<RegistryClient | null> {
    const account = this.find(accountId);
    if (account?.status !== 'signed-in') return null;
    const { baseUrl } = account.registry;
    if (
      accountIdOf(account.registry, account.userId) !== accountId ||
      !isAllowedRegistryUrl(baseUrl)
    ) {
      await this.forgetSession(accountId);
      return null;
    }
    const vault = this.ports.vault.get();
    if (!vault.has(sessionSecretId(accountId))) return null;
    const session = openSessionRecord(
      await vault.reveal(sessionSecretId(accountId)),
      hostOfAccountId(accountId),
    );
    if (!session.boundTo.includes(registryOrigin(baseUrl))) {
      await this.forgetSession(accountId);
      return null;
    }
    return this.client(baseUrl, session.cookie);
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

  private client(baseUrl: string, cookie: string): RegistryClient {
    return new RegistryClient(
      baseUrl,
      cookie,
      this.ports.fetch,
      this.ports.readRetry,
      this.ports.httpLimits,
    );
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
