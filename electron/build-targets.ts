/**
 * File and target names that the Vite configs, forge.config.ts and the main
 * process must agree on. Keeping them here means the preload path the main
 * process asks for is the one the build writes.
 */

/** Where Forge's Vite plugin (and our standalone build) writes main and preload. */
export const BUILD_DIR = '.vite/build';

/** The main-process bundle; package.json's "main" points at `.vite/build/main.js`. */
export const MAIN_BUNDLE = 'main.js';

/**
 * The preload bundle. A sandboxed preload cannot be an ES module, and with
 * `"type": "module"` in package.json a `.js` file would be read as one.
 */
export const PRELOAD_BUNDLE = 'preload.cjs';

/** Forge's renderer name; the renderer is built into `.vite/renderer/<name>/`. */
export const MAIN_WINDOW_NAME = 'main_window';

/**
 * The tray icons' folder in the repository; forge.config.ts ships it as an
 * extra resource (`<resources>/tray`), next to the asar, not inside it.
 */
export const TRAY_ICON_SOURCE_DIR = 'electron/assets/tray';
