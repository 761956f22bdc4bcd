import type { Shell, WebContents } from 'electron';
import { mayOpenExternally } from './external-links';
import type { NavigationRules } from './navigation-rules';

export interface GuardLog {
  warn(message: string): void;
}

/**
 * Locks down one web contents (Electron security checklist: "Disable or limit
 * navigation", "Disable or limit creation of new windows", "Verify WebView
 * options before creation"). Installed for every web contents the app creates,
 * through `app.on('web-contents-created')`, so no window can slip past it.
 */
export function guardWebContents(
  contents: WebContents,
  rules: NavigationRules,
  shell: Pick<Shell, 'openExternal'>,
  log: GuardLog,
): void {
  const openOutside = (url: string): void => {
    if (!mayOpenExternally(url)) return;
    // Electronegativity asks for a review of every openExternal. Reviewed: only
    // https links to crates.io and GitHub pass mayOpenExternally just above.
    const opening = shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    opening.catch((error: unknown) => {
      log.warn(`Could not open ${new URL(url).origin} in the browser: ${String(error)}`);
    });
  };

  contents.on('will-navigate', (event) => {
    if (rules.policyFor(contents).allowsNavigation(event.url)) return;
    event.preventDefault();
    // A plain link to crates.io or GitHub is what the user meant to follow.
    openOutside(event.url);
  });

  // A redirect is a navigation the page did not ask for by name: hold it to
  // the same rules so an allowed page cannot bounce the window elsewhere.
  contents.on('will-redirect', (event) => {
    if (!event.isMainFrame || rules.policyFor(contents).allowsNavigation(event.url)) return;
    event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    if (rules.policyFor(contents).allowsPopup(url)) return { action: 'allow' };
    openOutside(url);
    return { action: 'deny' };
  });
}
