import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { BUILD_DIR, PRELOAD_BUNDLE } from './electron/build-targets.js';

/**
 * The preload: electron/preload.ts bundled into one CommonJS file,
 * `.vite/build/preload.cjs`. A sandboxed preload can `require` only
 * `electron` (and events, timers, url), so everything else it imports from
 * shared/ is bundled; and it cannot be an ES module. Forge's plugin sets the
 * same input and output shape, which this config restates so that a plain
 * `vite build -c vite.preload.config.ts` gives the same file.
 */
export default defineConfig({
  build: {
    outDir: BUILD_DIR,
    emptyOutDir: false,
    target: 'chrome130',
    copyPublicDir: false,
    rolldownOptions: {
      input: resolve(import.meta.dirname, 'electron/preload.ts'),
      external: ['electron', 'electron/renderer'],
      output: {
        format: 'cjs',
        codeSplitting: false,
        entryFileNames: PRELOAD_BUNDLE,
      },
    },
  },
  clearScreen: false,
});
