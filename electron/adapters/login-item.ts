import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { win32 } from 'node:path';
import type { App, LoginItemSettings } from 'electron';
import type { LoginItemPort } from '../core/watch-ports';
import { autostartDir, setAutostartEntry } from './xdg-autostart';

/**
 * The argument a login launch carries on Windows and Linux: start in the tray
 * without showing the window. (macOS says so through `wasOpenedAtLogin`.)
 */
export const HIDDEN_ARG = '--hidden';

export type LoginItemApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

export interface LoginItemEnvironment {
  readonly platform: NodeJS.Platform;
  /** Only an installed app can start at login; `electron-forge start` would register bare Electron. */
  readonly isPackaged: boolean;
  readonly execPath: string;
  readonly env: NodeJS.ProcessEnv;
  readonly homeDir?: string;
  readonly fileExists?: (path: string) => boolean;
}

/**
 * Start at login per OS: `app.setLoginItemSettings` on macOS and Windows, an
 * XDG autostart file on Linux, nothing elsewhere or in development.
 */
export function createLoginItem(
  app: LoginItemApp,
  environment: LoginItemEnvironment,
): LoginItemPort {
  const { platform, isPackaged } = environment;
  if (!isPackaged) return unsupported;
  if (platform === 'darwin') {
    return {
      supported: true,
      set: (openAtLogin) => {
        // Electron 44 removed `openAsHidden`; a login launch is told apart by wasOpenedAtLogin instead.
        app.setLoginItemSettings({ openAtLogin });
        return Promise.resolve();
      },
    };
  }
  if (platform === 'win32') {
    const path = windowsLaunchPath(environment);
    return {
      supported: true,
      set: (openAtLogin) => {
        // The same path and args when removing, so Windows finds the entry it made.
        app.setLoginItemSettings({ openAtLogin, path, args: [HIDDEN_ARG] });
        return Promise.resolve();
      },
    };
  }
  if (platform === 'linux') {
    const dir = autostartDir(environment.env, environment.homeDir ?? homedir());
    // An AppImage runs from a temporary mount; APPIMAGE names the file itself.
    const command = environment.env['APPIMAGE'] ?? environment.execPath;
    return {
      supported: true,
      set: (openAtLogin) =>
        setAutostartEntry(dir, openAtLogin ? { command, args: [HIDDEN_ARG] } : null),
    };
  }
  return unsupported;
}

const unsupported: LoginItemPort = {
  supported: false,
  set: () => Promise.resolve(),
};

/**
 * A Squirrel install runs `...\app-1.2.3\Cratekeeper.exe`, a folder each
 * update replaces; the stub `...\Cratekeeper.exe` one level up starts the
 * current version, so the login item survives updates (Electron's
 * setLoginItemSettings docs). Elsewhere (a zip) the executable itself.
 */
export function windowsLaunchPath(environment: LoginItemEnvironment): string {
  const { execPath } = environment;
  const exists = environment.fileExists ?? existsSync;
  const installDir = win32.dirname(win32.dirname(execPath));
  const squirrel = exists(win32.join(installDir, 'Update.exe'));
  return squirrel ? win32.join(installDir, win32.basename(execPath)) : execPath;
}

/**
 * Whether this launch came from the login item, so the app starts in the tray
 * without a window: `--hidden` on Windows and Linux, `wasOpenedAtLogin` on macOS.
 */
export function launchedAtLogin(
  app: { getLoginItemSettings(): Pick<LoginItemSettings, 'wasOpenedAtLogin'> },
  platform: NodeJS.Platform,
  argv: readonly string[],
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
