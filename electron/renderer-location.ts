import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the main window's page comes from: Forge's Vite dev server while
 * developing (`electron-forge start`), the built files everywhere else.
 */
export type RendererLocation =
  | { readonly kind: 'dev-server'; readonly url: string }
  | { readonly kind: 'file'; readonly path: string };

/**
 * Picks the location from Forge's build constants. `buildDir` is the folder of
 * the main bundle (`.vite/build`); the renderer sits beside it in
 * `.vite/renderer/<name>/index.html`, inside the asar once packaged.
 */
export function rendererLocation(
  devServerUrl: string | undefined,
  buildDir: string,
  rendererName: string,
): RendererLocation {
  if (devServerUrl) return { kind: 'dev-server', url: devServerUrl };
  return { kind: 'file', path: join(buildDir, '..', 'renderer', rendererName, 'index.html') };
}

/**
 * True only for our own page: the exact index.html we load (any query or hash,
 * which the renderer may use for routing), or any URL of the dev server's
 * origin. Everything else, including other local files, is foreign.
 */
export function isOwnRendererUrl(location: RendererLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return parsed.origin === new URL(location.url).origin;
  if (parsed.protocol !== 'file:') return false;
  try {
    return fileURLToPath(parsed) === resolve(location.path);
  } catch {
    // A file URL with a host (file://server/share) is never ours.
    return false;
  }
}
