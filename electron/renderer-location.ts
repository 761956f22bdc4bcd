import { join } from 'node:path';
import { APP_INDEX_URL, APP_ORIGIN, isAppPageUrl } from './app-scheme';

/**
 * Where the main window's page comes from: Forge's Vite dev server while
 * developing (`electron-forge start`), everywhere else the built files in
 * `root`, served as `app://cratekeeper/` (app-scheme.ts), never from file://.
 */
export type RendererLocation =
  | { readonly kind: 'dev-server'; readonly url: string }
  | { readonly kind: 'app-protocol'; readonly root: string; readonly url: string };

/**
 * Picks the location from Forge's build constants. `buildDir` is the folder of
 * the main bundle (`.vite/build`); the renderer sits beside it in
 * `.vite/renderer/<name>/`, inside the asar once packaged.
 */
export function rendererLocation(
  devServerUrl: string | undefined,
  buildDir: string,
  rendererName: string,
): RendererLocation {
  if (devServerUrl) return { kind: 'dev-server', url: devServerUrl };
  return {
    kind: 'app-protocol',
    root: join(buildDir, '..', 'renderer', rendererName),
    url: APP_INDEX_URL,
  };
}

/** The origin our page has: `app://cratekeeper`, or the dev server's. */
export function rendererOrigin(location: RendererLocation): string {
  return location.kind === 'dev-server' ? new URL(location.url).origin : APP_ORIGIN;
}

/**
 * True only for our own page: `app://cratekeeper/index.html` (any query or
 * hash, which the renderer may use for routing), or any URL of the dev
 * server's origin in development. Everything else is foreign, file:// URLs
 * included, even of our own build folder.
 */
export function isOwnRendererUrl(location: RendererLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return parsed.origin === new URL(location.url).origin;
  return isAppPageUrl(parsed);
}
