/**
 * Build constants for the main process. Forge's Vite plugin defines them
 * (`<RENDERER NAME>_VITE_DEV_SERVER_URL` and `_VITE_NAME`, from the renderer
 * entry "main_window" in forge.config.ts); a standalone `vite build -c
 * vite.main.config.ts` defines the same two. Unlike the plugin's own
 * declarations, the URL is typed as possibly undefined, because it is
 * undefined in every build except `electron-forge start`.
 */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
