import {
  accountIdOf,
  type Account,
  type AccountStatus,
  type Registry,
} from '../../shared/domain/account';
import type { Clock, EventSink, Fetch, SignInWindow } from './ports';
import { RegistryClient } from './registry-client';

interface Session {
  readonly account: Account;
  /** Held in memory only in this slice; the encrypted vault (issue 4) persists it. */
  readonly cookie: string | null;
}

/**
 * The accounts the app knows and their sessions. The cookie never leaves this
 * object except inside a RegistryClient aimed at its own registry.
 */
export class AccountBook {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly fetch: Fetch,
    private readonly signInWindow: SignInWindow,
    private readonly events: EventSink,
    readonly clock: Clock,
  ) {}

  list(): Account[] {
    return [...this.sessions.values()].map((session) => session.account);
  }

  /** Runs the registry's own sign-in, checks the cookie with `/api/v1/me`, keeps the account. */
  async signIn(registry: Registry): Promise<Account> {
    const cookie = await this.signInWindow.signIn(registry.baseUrl);
    return this.addSession(registry, cookie);
  }

  /** Adds (or refreshes) the account behind a session cookie after checking it. */
  async addSession(registry: Registry, cookie: string): Promise<Account> {
    const me = await new RegistryClient(registry.baseUrl, cookie, this.fetch).me();
    const account: Account = {
      id: accountIdOf(registry, me.user.id),
      registry,
      userId: me.user.id,
      login: me.user.login,
      displayName: me.user.name ?? null,
      avatarUrl: me.user.avatar ?? null,
      status: 'signed-in',
    };
    this.sessions.set(account.id, { account, cookie });
    this.changed();
    return account;
  }

  /** A client for a signed-in account, or null when it has no session. */
  clientFor(accountId: string): RegistryClient | null {
    const session = this.sessions.get(accountId);
    if (!session?.cookie || session.account.status !== 'signed-in') return null;
    return new RegistryClient(session.account.registry.baseUrl, session.cookie, this.fetch);
  }

  /** The registry refused the session: forget the cookie, keep the account to sign in again. */
  markSignedOut(accountId: string): void {
    const session = this.sessions.get(accountId);
    if (!session) return;
    this.setStatus(session, 'signed-out');
  }

  private setStatus(session: Session, status: AccountStatus): void {
    this.sessions.set(session.account.id, {
      account: { ...session.account, status },
      cookie: status === 'signed-in' ? session.cookie : null,
    });
    this.changed();
  }

  private changed(): void {
    this.events.emit('accounts:changed', this.list());
  }
}
