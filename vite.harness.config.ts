import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the browser harness's bridge (e2e/harness/bridge.ts) into one classic
 * script that the harness injects before the renderer's own bundle. Test-only:
 * it is never part of the app.
 */
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '.vite/harness'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'e2e/harness/bridge.ts'),
      formats: ['iife'],
      name: 'cratekeeperHarnessBridge',
      fileName: () => 'harness-bridge.js',
    },
    // Minified like the renderer's bundle, so the harness's page boots as the app does.
    minify: true,
  },
});
