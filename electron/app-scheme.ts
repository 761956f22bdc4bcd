import type { CustomScheme, Protocol } from 'electron';

/**
 * The built renderer is served from `app://cratekeeper/`, never from file://
 * (Electron security checklist, "Avoid usage of the file:// protocol"). On
 * file://, CSP's 'self' and the page's own origin cover every local file; on
 * this scheme they cover exactly what our handler serves: the renderer's build
 * folder (app-protocol.ts).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cratekeeper';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the main window loads. */
export const APP_INDEX_PATH = '/index.html';
export const APP_INDEX_URL = `${APP_ORIGIN}${APP_INDEX_PATH}`;

/**
 * What the scheme may do, and nothing more (the set Electron's protocol docs
 * and Element's `vector://` use):
 * - `standard`: URLs with a host and path, so relative asset URLs resolve and
 *   the page has a real origin (`app://cratekeeper`) for 'self' and storage;
 * - `secure`: a secure context, like https;
 * - `supportFetchAPI`: same-origin fetches of our own files (module scripts).
 * Deliberately off: `bypassCSP`, `corsEnabled` (no other origin may read our
 * files), `allowServiceWorkers`, `stream`, `codeCache`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app is ready; Electron allows it only once. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * True for our page and nothing else: `app://cratekeeper/index.html` with any
 * query or hash. No other host, port, credentials or path.
 */
export function isAppPageUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === APP_INDEX_PATH
  );
}
