import * as electron from 'electron';
import { join } from 'node:path';
import { openAppStorage } from './adapters/app-storage';
import { PRELOAD_BUNDLE } from './build-targets';
import { rendererLocation } from './renderer-location';
import { startShell } from './shell';

// This file is `.vite/build/main.js`; the preload is built next to it. The
// two constants come from Forge's Vite plugin (or vite.main.config.ts when
// built without Forge); see forge.env.d.ts.
const buildDir = import.meta.dirname;

startShell(electron, {
  location: rendererLocation(MAIN_WINDOW_VITE_DEV_SERVER_URL, buildDir, MAIN_WINDOW_VITE_NAME),
  preloadPath: join(buildDir, PRELOAD_BUNDLE),
  platform: process.platform,
  argv: process.argv,
  execPath: process.execPath,
  env: process.env,
  resourcesPath: process.resourcesPath,
  fetch: globalThis.fetch,
  log: console,
  openStorage: () => openAppStorage(electron.app),
}).catch((error: unknown) => {
  console.error('Cratekeeper could not start:', error);
  electron.app.exit(1);
});
