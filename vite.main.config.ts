import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { BUILD_DIR, MAIN_BUNDLE, MAIN_WINDOW_NAME } from './electron/build-targets.js';

/** Provided by Electron at run time, never bundled. */
const externals = [
  'electron',
  /^electron\/.+/,
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

/**
 * Forge's Vite plugin calls this with its own `forgeConfig` in the env and
 * defines the renderer constants itself; `vite build -c` on its own does not.
 */
function builtByForge(env: object): boolean {
  return 'forgeConfig' in env;
}

/**
 * The main process: electron/main.ts bundled into `.vite/build/main.js` as an
 * ES module (package.json says `"type": "module"`, and Electron 28+ runs an
 * ESM main). Everything but Electron and Node's built-ins is bundled, so the
 * packaged app needs no node_modules. Forge keeps our `build.lib` and merges
 * in its dev-server constants, watch mode and outDir.
 */
export default defineConfig((env) => ({
  build: {
    outDir: BUILD_DIR,
    // Main and preload share the folder, and either may be built first.
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: true,
    lib: {
      entry: resolve(import.meta.dirname, 'electron/main.ts'),
      formats: ['es'],
      fileName: () => MAIN_BUNDLE,
    },
    rolldownOptions: { external: externals },
  },
  resolve: {
    // Node's entry points, as Forge's own main config picks them.
    conditions: ['node'],
    mainFields: ['module', 'jsnext:main', 'jsnext'],
  },
  define: builtByForge(env)
    ? {}
    : {
        MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined',
        MAIN_WINDOW_VITE_NAME: JSON.stringify(MAIN_WINDOW_NAME),
      },
  clearScreen: false,
}));
