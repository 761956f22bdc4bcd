import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MAIN_WINDOW_NAME } from './electron/build-targets.js';

/**
 * `npm start` (electron-forge start) and `npm run package` / `make`. The Vite
 * plugin builds one target per config file into `.vite/` and packs only that
 * folder into the asar.
 */
const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
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
    // Switched at package time, in the Electron binary itself (Electron
    // security checklist and Forge's template). File-protocol privileges stay
    // on: the renderer's module scripts load from file://.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
