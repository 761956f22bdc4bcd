import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { DATA_DIR_ARG } from '../core/provider/wire.js';

/** The app's name as Electron uses it for its data folder (package.json `productName`). */
export const APP_DATA_FOLDER_NAME = 'Cratekeeper';

export interface DataDirEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homeDir: string;
}

export function processDataDirEnvironment(): DataDirEnvironment {
  return { env: process.env, platform: process.platform, homeDir: homedir() };
}

/**
 * The app's data folder: `--data-dir DIR` (or `--data-dir=DIR`) from the
 * arguments configured after the provider in cargo's config (cargo passes
 * them in the request's `args`), else where Electron puts `userData` for this
 * app, so an installed app needs no argument.
 */
export function appDataDir(
  args: readonly string[] | undefined,
  environment: DataDirEnvironment,
): string {
  const given = dataDirArgument(args ?? []);
  return given ?? defaultAppDataDir(environment);
}

function dataDirArgument(args: readonly string[]): string | null {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === DATA_DIR_ARG) {
      const value = args[index + 1];
      return value !== undefined && value !== '' ? value : null;
    }
    if (arg?.startsWith(`${DATA_DIR_ARG}=`)) {
      const value = arg.slice(DATA_DIR_ARG.length + 1);
      return value !== '' ? value : null;
    }
  }
  return null;
}

/** Electron's `appData` for the platform, joined with the app's name. */
export function defaultAppDataDir({ env, platform, homeDir }: DataDirEnvironment): string {
  switch (platform) {
    case 'win32':
      return win32.join(
        env.APPDATA ?? win32.join(homeDir, 'AppData', 'Roaming'),
        APP_DATA_FOLDER_NAME,
      );
    case 'darwin':
      return posix.join(homeDir, 'Library', 'Application Support', APP_DATA_FOLDER_NAME);
    default: {
      const xdg = env.XDG_CONFIG_HOME;
      // As Chromium's GetXDGDirectory: any non-empty value, else ~/.config.
      const base = xdg !== undefined && xdg !== '' ? xdg : posix.join(homeDir, '.config');
      return posix.join(base, APP_DATA_FOLDER_NAME);
    }
  }
}
