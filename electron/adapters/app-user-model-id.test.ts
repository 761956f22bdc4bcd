import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQUIRREL_APP_USER_MODEL_ID, windowsAppUserModelId } from './app-user-model-id';

describe('windowsAppUserModelId', () => {
  it("is Squirrel's ID for an installed app, by Electron's own rule", () => {
    const installDir = 'C:\\Users\\ana\\AppData\\Local\\cratekeeper';
    expect(
      windowsAppUserModelId({
        isPackaged: true,
        execPath: `${installDir}\\app-0.1.0\\Cratekeeper.exe`,
        fileExists: (path) => path === `${installDir}\\Update.exe`,
      }),
    ).toBe('com.squirrel.cratekeeper.Cratekeeper');
  });

  it('matches package.json: the name for the install folder, productName for the exe', () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { name: string; productName: string };
    expect(SQUIRREL_APP_USER_MODEL_ID).toBe(
      `com.squirrel.${manifest.name}.${manifest.productName}`,
    );
  });

  it('is the same ID outside a Squirrel install, and the executable in development', () => {
    expect(
      windowsAppUserModelId({
        isPackaged: true,
        execPath: 'D:\\Portable\\Cratekeeper\\Cratekeeper.exe',
        fileExists: () => false,
      }),
    ).toBe(SQUIRREL_APP_USER_MODEL_ID);
    expect(
      windowsAppUserModelId({
        isPackaged: false,
        execPath: 'C:\\repo\\node_modules\\electron\\dist\\electron.exe',
      }),
    ).toBe('C:\\repo\\node_modules\\electron\\dist\\electron.exe');
  });
});
