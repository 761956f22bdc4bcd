import { randomUUID } from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions, Cookie, Session } from 'electron';
import { SignInCancelledError, type Fetch, type SignInWindow } from '../core/ports';
import type { NavigationPolicy, NavigationRules } from '../navigation-rules';
import { denyAllPermissions } from '../session-hardening';

const SESSION_COOKIE = 'cargo_session';
const GITHUB_ORIGIN = 'https://github.com';

export { SignInCancelledError };

export interface SignInWindowDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly sessions: { fromPartition(partition: string, options?: { cache: boolean }): Session };
  readonly rules: NavigationRules;
  /** Used to ask the registry whether a session cookie is signed in. */
  readonly fetch: Fetch;
  readonly newId?: () => string;
}

/**
 * The registry's website and GitHub, nothing else, for the sign-in window and
 * the OAuth pop-up the website opens.
 */
export function signInPolicy(registryOrigin: string): NavigationPolicy {
  const allowed = (url: string): boolean => {
    try {
      const { origin } = new URL(url);
      return origin === registryOrigin || origin === GITHUB_ORIGIN;
    } catch {
      return false;
    }
  };
  return { allowsNavigation: allowed, allowsPopup: allowed };
}

function isCookieOfHost(cookie: Cookie, hostname: string): boolean {
  return (cookie.domain ?? '').replace(/^\./, '') === hostname;
}

/**
 * Signs in exactly as on the website (crates-io/NOTES.md, "Sign-in"): the
 * registry's home page opens in a window of its own, the user logs in with
 * GitHub, and the `cargo_session` cookie the registry sets is returned.
 *
 * The window gets a fresh in-memory session (no `persist:` partition), so the
 * cookie never touches disk and one account's sign-in cannot see another's.
 * The registry sets `cargo_session` twice: holding the OAuth state after
 * `session/begin`, and holding the user after `session/authorize`. Only a
 * value that `GET /api/v1/me` accepts counts as signed in.
 */
export class ElectronSignInWindow implements SignInWindow {
  constructor(private readonly deps: SignInWindowDeps) {}

  signIn(registryBaseUrl: string): Promise<string> {
    const home = new URL('/', registryBaseUrl);
    const partition = `signin-${(this.deps.newId ?? randomUUID)()}`;
    const session = this.deps.sessions.fromPartition(partition, { cache: false });
    denyAllPermissions(session);
    this.deps.rules.setForSession(session, signInPolicy(home.origin));

    const window = new this.deps.BrowserWindow({
      title: `Sign in to ${home.host}`,
      width: 1000,
      height: 760,
      webPreferences: {
        partition,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });

    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const checked = new Set<string>();

      // Runs the outcome once; the later of "signed in" and "window closed" is ignored.
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        session.cookies.off('changed', onCookieChanged);
        // The cookie now lives in the core; drop the window's copy as well.
        session.clearStorageData().catch(() => undefined);
        outcome();
      };

      const confirm = async (value: string): Promise<void> => {
        if (checked.has(value)) return;
        checked.add(value);
        let signedIn: boolean;
        try {
          signedIn = await this.isSignedIn(home, value);
        } catch {
          // Unreachable right now: let a later cookie change try this value again.
          checked.delete(value);
          return;
        }
        if (!signedIn) return;
        settle(() => {
          resolve(value);
          window.close();
        });
      };

      const onCookieChanged = (
        _event: unknown,
        cookie: Cookie,
        _cause: string,
        removed: boolean,
      ): void => {
        if (removed || cookie.name !== SESSION_COOKIE || !isCookieOfHost(cookie, home.hostname)) {
          return;
        }
        void confirm(cookie.value);
      };

      session.cookies.on('changed', onCookieChanged);
      window.on('closed', () => {
        settle(() => {
          reject(new SignInCancelledError(home.host));
        });
      });
      window.loadURL(home.href).catch(() => {
        // The window shows the load error; the user can retry or close it.
      });
    });
  }

  private async isSignedIn(home: URL, cookieValue: string): Promise<boolean> {
    const response = await this.deps.fetch(new URL('/api/v1/me', home).href, {
      headers: { Accept: 'application/json', Cookie: `${SESSION_COOKIE}=${cookieValue}` },
      redirect: 'error',
    });
    // Only the status matters; release the connection.
    await response.body?.cancel();
    return response.ok;
  }
}
