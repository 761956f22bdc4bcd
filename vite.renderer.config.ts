import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type ConfigEnv, type Plugin, type UserConfig } from 'vite';

/** Electron Forge's Vite plugin calls a function config with its own fields added. */
interface ForgeConfigEnv extends ConfigEnv {
  readonly forgeConfigSelf?: { readonly name?: string };
}

const ROOT = import.meta.dirname;

/**
 * Vite's dev server and React Fast Refresh need an inline module script and a
 * websocket, which the page's CSP forbids. Only the dev server (`npm start`
 * under Forge) relaxes it; built pages keep the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'cratekeeper:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  };
}

/**
 * The renderer: root `renderer/`, built to `.vite/renderer/<name>` (Forge's
 * convention, `main_window` when built standalone). Asset URLs are relative
 * (`./assets/…`): the app serves the folder as `app://cratekeeper/`, where they
 * resolve to app://cratekeeper/assets/… (electron/app-scheme.ts), and the
 * browser harness can serve it under any path.
 */
export default defineConfig((env: ForgeConfigEnv): UserConfig => {
  const name = env.forgeConfigSelf?.name ?? 'main_window';
  return {
    root: resolve(ROOT, 'renderer'),
    base: './',
    plugins: [react(), relaxCspForDevServer()],
    build: {
      outDir: resolve(ROOT, '.vite/renderer', name),
      emptyOutDir: true,
      // Loaded from disk by the app, not over a network: big chunks are fine. The
      // boot bundle is kept small by loading non-first-screen features lazily.
      chunkSizeWarningLimit: 2048,
      // Electron's and the harness's Chromium support <link rel="modulepreload">.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // Everything the first screen imports statically in one chunk (the
          // entry): several common chunks compress worse and cost requests.
          // Lazy pages and dialogs keep their own chunks.
          codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
        },
      },
    },
    clearScreen: false,
  };
});
