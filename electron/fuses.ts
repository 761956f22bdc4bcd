import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The fuses forge.config.ts flips in the packaged Electron binary (Electron
 * security checklist, "Check which fuses you can change"; Forge's template).
 * Kept here, apart from the Forge config, so a unit test can hold them.
 */
export const APP_FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  // No ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect: the binary cannot be
  // turned into a plain Node with the app's rights.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // Only the app's own, unmodified asar runs.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer comes from app://cratekeeper (app-scheme.ts), so file://
  // pages need none of the extra privileges Electron grants them by default
  // (fetch of other files, universal access for file:// child frames).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};
