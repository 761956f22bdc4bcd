import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HARNESS_BRIDGE_FILE } from './paths';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Where `npm run build:renderer` puts the renderer and the harness bridge. */
export const RENDERER_DIR = resolve(REPO_ROOT, '.vite/renderer/main_window');
export const BRIDGE_PATH = resolve(REPO_ROOT, '.vite/harness', HARNESS_BRIDGE_FILE);

/** Fails early, with the command to run, when the built files are missing. */
export function assertBuilt(): void {
  for (const file of [resolve(RENDERER_DIR, 'index.html'), BRIDGE_PATH]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`npm run build:renderer\` first.`);
    }
  }
}

/**
 * The renderer's index.html with the bridge loaded first. A classic script
 * runs before the deferred module bundle, so `window.cratekeeper` exists by
 * the time the app starts, exactly as the preload guarantees in Electron.
 */
export async function indexWithBridge(): Promise<string> {
  const html = await readFile(resolve(RENDERER_DIR, 'index.html'), 'utf8');
  const tag = `<script src="./${HARNESS_BRIDGE_FILE}"></script>`;
  const at = html.indexOf('<script');
  return at === -1
    ? html.replace('</head>', `${tag}</head>`)
    : `${html.slice(0, at)}${tag}${html.slice(at)}`;
}
