import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import forgeConfig from '../../forge.config';
import { TRAY_ICON_SOURCE_DIR } from '../build-targets';
import { TRAY_ICON_FILES, trayIconDir, trayIconFileName } from './tray-icons';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('where the tray icons are', () => {
  it('in development: the source folder under the app path', () => {
    const dir = trayIconDir({ isPackaged: false, appPath: repoRoot, resourcesPath: '/nowhere' });
    expect(dir).toBe(join(repoRoot, 'electron', 'assets', 'tray'));
    for (const file of TRAY_ICON_FILES) expect(existsSync(join(dir, file.name))).toBe(true);
  });

  it('packaged: <resources>/tray, where forge.config.ts puts the folder', () => {
    expect(
      trayIconDir({ isPackaged: true, appPath: '/x/app.asar', resourcesPath: '/opt/ck/resources' }),
    ).toBe('/opt/ck/resources/tray');
    expect(forgeConfig.packagerConfig?.extraResource).toContain(TRAY_ICON_SOURCE_DIR);
  });

  it('every file name the tray can ask for is in the set', () => {
    const names = new Set(TRAY_ICON_FILES.map((file) => file.name));
    for (const platform of ['darwin', 'win32', 'linux', 'freebsd'] as const) {
      for (const state of ['ok', 'attention', 'alert'] as const) {
        for (const dark of [false, true]) {
          expect(names).toContain(trayIconFileName(state, platform, dark));
        }
      }
    }
    // Each 1x PNG has its @2x beside it, named as Electron looks for it.
    for (const name of names) {
      if (name.endsWith('.png') && !name.includes('@2x')) {
        expect(names).toContain(name.replace('.png', '@2x.png'));
      }
    }
  });
});
