import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { signInPolicy } from './adapters/sign-in-window';
import { NavigationRules, ownRendererPolicy } from './navigation-rules';
import type { RendererLocation } from './renderer-location';
import { createFakeElectron, FakeSession, FakeWebContents } from './test-support/fake-electron';
import { guardWebContents } from './web-contents-guard';

const rendererRoot = resolve('/app/.vite/renderer/main_window');
const location: RendererLocation = {
  kind: 'app-protocol',
  root: rendererRoot,
  url: 'app://cratekeeper/index.html',
};
const ownUrl = 'app://cratekeeper/index.html';

function guarded(
  session = new FakeSession(null),
  rules = new NavigationRules(ownRendererPolicy(location)),
) {
  const { shell } = createFakeElectron();
  const contents = new FakeWebContents(session);
  guardWebContents(contents as unknown as WebContents, rules, shell, { warn: () => undefined });
  return { contents, shell, rules };
}

describe('guardWebContents on the main window', () => {
  it('lets the page reload itself and nothing else', () => {
    const { contents } = guarded();
    expect(contents.tryNavigate(ownUrl)).toBe(true);
    expect(contents.tryNavigate(`${ownUrl}#/tokens`)).toBe(true);
    expect(contents.tryNavigate('https://evil.example/')).toBe(false);
    expect(contents.tryNavigate(pathToFileURL('/etc/passwd').href)).toBe(false);
    expect(contents.tryRedirect('https://evil.example/')).toBe(false);
  });

  it('keeps the page off file://, even our own build folder', () => {
    const { contents, shell } = guarded();
    expect(contents.tryNavigate(pathToFileURL(`${rendererRoot}/index.html`).href)).toBe(false);
    expect(contents.tryRedirect(pathToFileURL(`${rendererRoot}/index.html`).href)).toBe(false);
    expect(contents.tryNavigate('app://cratekeeper/assets/index.js')).toBe(false);
    expect(contents.tryNavigate('app://other/index.html')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('sends a followed crates.io or GitHub link to the browser instead', () => {
    const { contents, shell } = guarded();
    expect(contents.tryNavigate('https://crates.io/crates/serde')).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledWith('https://crates.io/crates/serde');
  });

  it('denies every window.open, opening only safe https links outside', () => {
    const { contents, shell } = guarded();
    expect(contents.tryOpenWindow('https://github.com/rust-lang')).toBe('deny');
    expect(contents.tryOpenWindow('https://evil.example/')).toBe('deny');
    expect(contents.tryOpenWindow('http://crates.io/')).toBe('deny');
    expect(contents.tryOpenWindow(ownUrl)).toBe('deny');
    expect(shell.openExternal.mock.calls).toEqual([['https://github.com/rust-lang']]);
  });

  it('refuses to attach a webview', () => {
    const { contents } = guarded();
    expect(contents.tryAttachWebview()).toBe(false);
  });
});

describe('guardWebContents in a sign-in session', () => {
  function signInContents() {
    const session = new FakeSession('signin-test');
    const rules = new NavigationRules(ownRendererPolicy(location));
    rules.setForSession(session as unknown as Session, signInPolicy('https://crates.io'));
    return guarded(session, rules);
  }

  it('may go to the registry and GitHub only', () => {
    const { contents } = signInContents();
    expect(contents.tryNavigate('https://crates.io/github_login')).toBe(true);
    expect(contents.tryRedirect('https://github.com/login/oauth/authorize?x=1')).toBe(true);
    expect(contents.tryNavigate('https://evil.example/')).toBe(false);
    expect(contents.tryNavigate('http://crates.io/')).toBe(false);
    expect(contents.tryNavigate(ownUrl)).toBe(false);
  });

  it('may open the OAuth pop-up inside the app, and nothing else', () => {
    const { contents, shell } = signInContents();
    expect(contents.tryOpenWindow('https://crates.io/github_login')).toBe('allow');
    expect(contents.tryOpenWindow('https://github.com/login')).toBe('allow');
    expect(contents.tryOpenWindow('https://evil.example/')).toBe('deny');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('leaves redirects of subframes to the site', () => {
    const { contents } = signInContents();
    expect(contents.tryRedirect('https://captcha.example/', false)).toBe(true);
  });
});
