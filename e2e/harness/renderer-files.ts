import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HARNESS_BRIDGE_FILE, HARNESS_KEY_META } from './paths';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** What the harness serves: the renderer's folder and the bridge script. */
export interface RendererFiles {
  readonly dir: string;
  readonly bridgePath: string;
}

/** Where `npm run build:renderer` puts the renderer and the harness bridge. */
export const BUILT_RENDERER: RendererFiles = {
  dir: resolve(REPO_ROOT, '.vite/renderer/main_window'),
  bridgePath: resolve(REPO_ROOT, '.vite/harness', HARNESS_BRIDGE_FILE),
};

/** Fails early, with the command to run, when the built files are missing. */
export function assertBuilt(): void {
  for (const file of [resolve(BUILT_RENDERER.dir, 'index.html'), BUILT_RENDERER.bridgePath]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`npm run build:renderer\` first.`);
    }
  }
}

/**
 * index.html with the run's key and the bridge loaded first. A classic script
 * runs before the deferred module bundle, so `window.cratekeeper` exists by
 * the time the app starts, exactly as the preload guarantees in Electron. The
 * key goes in a `<meta>` tag just before it, which the bridge reads as it
 * runs: no inline script, so the page's CSP stays as strict as in Electron.
 */
export function injectBridge(html: string, key: string): string {
  // The key lands in an attribute unescaped; newHarnessKey's base64url needs no escaping.
  if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new Error('The harness key must be base64url.');
  const tags =
    `<meta name="${HARNESS_KEY_META}" content="${key}">` +
    `<script src="./${HARNESS_BRIDGE_FILE}"></script>`;
  const at = html.indexOf('<script');
  return at === -1
    ? html.replace('</head>', `${tags}</head>`)
    : `${html.slice(0, at)}${tags}${html.slice(at)}`;
}

export async function indexWithBridge(files: RendererFiles, key: string): Promise<string> {
  return injectBridge(await readFile(resolve(files.dir, 'index.html'), 'utf8'), key);
}
