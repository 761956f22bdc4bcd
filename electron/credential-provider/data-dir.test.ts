import { describe, expect, it } from 'vitest';
import { appDataDir, defaultAppDataDir } from './data-dir.js';

describe('the app data folder the provider looks in', () => {
  it('is Electron’s userData for Cratekeeper when cargo passes no --data-dir', () => {
    expect(defaultAppDataDir({ env: {}, platform: 'linux', homeDir: '/home/ada' })).toBe(
      '/home/ada/.config/Cratekeeper',
    );
    expect(
      defaultAppDataDir({ env: { XDG_CONFIG_HOME: '/x/conf' }, platform: 'linux', homeDir: '/h' }),
    ).toBe('/x/conf/Cratekeeper');
    expect(
      defaultAppDataDir({ env: { XDG_CONFIG_HOME: '' }, platform: 'linux', homeDir: '/h' }),
    ).toBe('/h/.config/Cratekeeper');
    expect(defaultAppDataDir({ env: {}, platform: 'darwin', homeDir: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Cratekeeper',
    );
    expect(
      defaultAppDataDir({
        env: { APPDATA: 'C:\\Users\\Ada Lovelace\\AppData\\Roaming' },
        platform: 'win32',
        homeDir: 'C:\\Users\\Ada Lovelace',
      }),
    ).toBe('C:\\Users\\Ada Lovelace\\AppData\\Roaming\\Cratekeeper');
  });

  it('is the folder after --data-dir (or --data-dir=) in cargo’s args, spaces and all', () => {
    const environment = { env: {}, platform: 'linux' as const, homeDir: '/h' };
    expect(appDataDir(['--data-dir', '/tmp/my data'], environment)).toBe('/tmp/my data');
    expect(appDataDir(['--other', 'x', '--data-dir=/tmp/my data'], environment)).toBe(
      '/tmp/my data',
    );
    expect(appDataDir(['--data-dir'], environment)).toBe('/h/.config/Cratekeeper');
    expect(appDataDir(undefined, environment)).toBe('/h/.config/Cratekeeper');
  });
});
