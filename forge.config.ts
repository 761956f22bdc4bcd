import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MAIN_WINDOW_NAME, TRAY_ICON_SOURCE_DIR } from './electron/build-targets.js';
import { APP_FUSES } from './electron/fuses.js';
import {
  buildSingleExecutableFor,
  seaExecutablePath,
} from './electron/credential-provider/build.js';

/**
 * `npm start` (electron-forge start) and `npm run package` / `make`. The Vite
 * plugin builds one target per config file into `.vite/` and packs only that
 * folder into the asar.
 */
const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    // The tray icons, outside the asar as plain files named as Electron wants
    // them (…Template.png, @2x): `<resources>/tray` in the package, read from
    // electron/assets/tray in development (electron/adapters/tray-icons.ts).
    // The cargo credential provider as a single executable
    // (`<resources>/cratekeeper-credential-provider[.exe]`): cargo runs it, and
    // the app itself cannot act as Node (RunAsNode fuse off). Built by the
    // prePackage hook below for the platform being packaged.
    extraResource: [TRAY_ICON_SOURCE_DIR, seaExecutablePath()],
  },
  hooks: {
    prePackage: async (_config, platform, arch) => {
      await buildSingleExecutableFor(platform, arch);
    },
  },
  makers: [new MakerZIP()],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: MAIN_WINDOW_NAME, config: 'vite.renderer.config.ts' }],
    }),
    // Switched at package time, in the Electron binary itself; which ones and
    // why: electron/fuses.ts.
    new FusesPlugin(APP_FUSES),
  ],
};

export default config;
