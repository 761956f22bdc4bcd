import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { Fetch } from '../core/ports';
import { NavigationRules, ownRendererPolicy } from '../navigation-rules';
import { createFakeElectron, type FakeBrowserWindow } from '../test-support/fake-electron';
import { guardWebContents } from '../web-contents-guard';
import {
  ElectronSignInWindow,
  SignInCancelledError,
  type SignInWindowDeps,
} from './sign-in-window';

const appLocation = {
  kind: 'app-protocol',
  root: '/app',
  url: 'app://cratekeeper/index.html',
} as const;

const SIGNED_IN = 'cookie-with-user';
const STATE_ONLY = 'cookie-with-oauth-state';

/** A registry that accepts only the signed-in cookie on /api/v1/me. */
const registryFetch = vi.fn<Fetch>((url, init) => {
  const cookie = new Headers(init?.headers).get('cookie');
  const ok = url === 'https://crates.io/api/v1/me' && cookie === `cargo_session=${SIGNED_IN}`;
  return Promise.resolve(new Response('{}', { status: ok ? 200 : 403 }));
});

function setUp(fetch: Fetch = registryFetch) {
  const fake = createFakeElectron();
  const rules = new NavigationRules(ownRendererPolicy(appLocation));
  // As in the shell: every web contents gets the guard, which asks the rules.
  fake.app.on('web-contents-created', (_event, contents: WebContents) => {
    guardWebContents(contents, rules, fake.shell, { warn: () => undefined });
  });
  const adapter = new ElectronSignInWindow({
    BrowserWindow: fake.BrowserWindow,
    sessions: fake.session,
    rules,
    fetch,
    newId: () => 'test',
  } as unknown as SignInWindowDeps);
  const signingIn = adapter.signIn('https://crates.io');
  const [window] = fake.BrowserWindow.created;
  if (!window) throw new Error('no sign-in window');
  const session = window.webContents.session;
  return { fake, rules, signingIn, window, session };
}

const cookie = (value: string, domain = 'crates.io') => ({ name: 'cargo_session', value, domain });

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('ElectronSignInWindow', () => {
  it('opens the registry’s website in a sandboxed window with a fresh in-memory session', () => {
    const { window } = setUp();
    expect(window.loadedUrl).toBe('https://crates.io/');
    expect(window.options.webPreferences).toMatchObject({
      partition: 'signin-test',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.options.webPreferences?.partition).not.toMatch(/^persist:/);
    expect(window.options.webPreferences?.preload).toBeUndefined();
  });

  it('lets the window and its pop-up go to the registry and GitHub only', () => {
    const { window } = setUp();
    expect(window.webContents.tryNavigate('https://github.com/login/oauth/authorize')).toBe(true);
    expect(window.webContents.tryNavigate('https://evil.example/')).toBe(false);
    expect(window.webContents.tryOpenWindow('https://crates.io/github_login')).toBe('allow');
  });

  it('resolves with the cookie the registry accepts, then closes and clears the window', async () => {
    const { signingIn, session, window } = setUp();
    session.changeCookie(cookie(STATE_ONLY));
    await settle();
    expect(window.destroyed).toBe(false);
    session.changeCookie(cookie(SIGNED_IN));
    await expect(signingIn).resolves.toBe(SIGNED_IN);
    expect(window.destroyed).toBe(true);
    expect(session.clearStorageData).toHaveBeenCalled();
    expect(session.cookies.listenerCount('changed')).toBe(0);
  });

  it('ignores removed cookies, other cookies and other hosts', async () => {
    const { signingIn, session, window } = setUp();
    session.changeCookie(cookie(SIGNED_IN), true);
    session.changeCookie({ name: 'other', value: SIGNED_IN, domain: 'crates.io' });
    session.changeCookie(cookie(SIGNED_IN, 'evil.example'));
    await settle();
    expect(window.destroyed).toBe(false);
    session.changeCookie(cookie(SIGNED_IN, '.crates.io'));
    await expect(signingIn).resolves.toBe(SIGNED_IN);
  });

  it('rejects when the user closes the window before signing in', async () => {
    const { signingIn, window, session } = setUp();
    window.close();
    await expect(signingIn).rejects.toBeInstanceOf(SignInCancelledError);
    expect(session.cookies.listenerCount('changed')).toBe(0);
  });

  it('tries a cookie again after the registry could not be reached', async () => {
    let reachable = false;
    const flaky = vi.fn<Fetch>((url, init) =>
      reachable ? registryFetch(url, init) : Promise.reject(new Error('offline')),
    );
    const { signingIn, session } = setUp(flaky);
    session.changeCookie(cookie(SIGNED_IN));
    await settle();
    reachable = true;
    session.changeCookie(cookie(SIGNED_IN));
    await expect(signingIn).resolves.toBe(SIGNED_IN);
  });

  it('keeps every sign-in in its own session', () => {
    const fake = createFakeElectron();
    let id = 0;
    const adapter = new ElectronSignInWindow({
      BrowserWindow: fake.BrowserWindow,
      sessions: fake.session,
      rules: new NavigationRules(ownRendererPolicy(appLocation)),
      fetch: registryFetch,
      newId: () => String(++id),
    } as unknown as SignInWindowDeps);
    void adapter.signIn('https://crates.io').catch(() => undefined);
    void adapter.signIn('https://staging.crates.io').catch(() => undefined);
    const sessions = fake.BrowserWindow.created.map(
      (window: FakeBrowserWindow) => window.webContents.session,
    );
    expect(sessions[0]).not.toBe(sessions[1]);
    for (const window of fake.BrowserWindow.created) window.close();
  });
});
