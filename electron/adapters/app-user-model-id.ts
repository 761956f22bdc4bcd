import { existsSync } from 'node:fs';
import { win32 } from 'node:path';

/**
 * The Windows AppUserModelID: toasts are shown, and their clicks delivered,
 * only for an ID that a Start-menu shortcut carries. A Squirrel install's
 * shortcut carries `com.squirrel.<install folder>.<exe name>` (spaces
 * dropped), the rule Electron itself applies when it finds `..\Update.exe`
 * (lib/browser/init.ts). The install folder is electron-winstaller's `name`,
 * package.json's "name" (`cratekeeper`); the exe is named after "productName"
 * (`Cratekeeper.exe`). forge.config.ts has no Squirrel maker yet; this is the
 * ID such an install would get, so notifications work the day it is added.
 */
export const SQUIRREL_APP_USER_MODEL_ID = 'com.squirrel.cratekeeper.Cratekeeper';

export interface AppUserModelIdEnvironment {
  readonly isPackaged: boolean;
  readonly execPath: string;
  readonly fileExists?: (path: string) => boolean;
}

export function windowsAppUserModelId(environment: AppUserModelIdEnvironment): string {
  const { execPath, isPackaged } = environment;
  // Development: Electron's notifications tutorial uses the executable's path.
  if (!isPackaged) return execPath;
  const exists = environment.fileExists ?? existsSync;
  const installDir = win32.dirname(win32.dirname(execPath));
  if (!exists(win32.join(installDir, 'Update.exe'))) return SQUIRREL_APP_USER_MODEL_ID;
  const packageName = win32.basename(installDir).replace(/\s/g, '');
  const exeName = win32
    .basename(execPath)
    .replace(/\.exe$/i, '')
    .replace(/\s/g, '');
  return `com.squirrel.${packageName}.${exeName}`;
}
