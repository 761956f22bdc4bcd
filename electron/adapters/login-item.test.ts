import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../test-support/fake-electron';
import {
  HIDDEN_ARG,
  createLoginItem,
  launchedAtLogin,
  windowsLaunchPath,
  type LoginItemApp,
  type LoginItemEnvironment,
} from './login-item';
import { AUTOSTART_FILE_NAME, autostartDir, autostartEntry, execArgument } from './xdg-autostart';

function setUp(
  environment: Partial<LoginItemEnvironment> & Pick<LoginItemEnvironment, 'platform'>,
) {
  const fake = createFakeElectron();
  const home = mkdtempSync(join(tmpdir(), 'cratekeeper-login-'));
  const loginItem = createLoginItem(fake.app as unknown as LoginItemApp, {
    isPackaged: true,
    execPath: '/opt/Cratekeeper/cratekeeper',
    env: {},
    homeDir: home,
    ...environment,
  });
  return { fake, home, loginItem };
}

describe('createLoginItem', () => {
  it('macOS: registers and removes the login item through Electron', async () => {
    const { fake, loginItem } = setUp({
      platform: 'darwin',
      execPath: '/Applications/Cratekeeper.app',
    });
    expect(loginItem.supported).toBe(true);
    await loginItem.set(true);
    await loginItem.set(false);
    expect(fake.app.loginItemSettings).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('Windows: starts the executable with --hidden', async () => {
    const { fake, loginItem } = setUp({
      platform: 'win32',
      execPath: 'C:\\Tools\\Cratekeeper\\Cratekeeper.exe',
      fileExists: () => false,
    });
    await loginItem.set(true);
    await loginItem.set(false);
    expect(fake.app.loginItemSettings).toEqual([
      { openAtLogin: true, path: 'C:\\Tools\\Cratekeeper\\Cratekeeper.exe', args: [HIDDEN_ARG] },
      { openAtLogin: false, path: 'C:\\Tools\\Cratekeeper\\Cratekeeper.exe', args: [HIDDEN_ARG] },
    ]);
  });

  it('Windows, Squirrel install: starts the stub that survives updates', () => {
    const installDir = 'C:\\Users\\ana\\AppData\\Local\\cratekeeper';
    const path = windowsLaunchPath({
      platform: 'win32',
      isPackaged: true,
      execPath: `${installDir}\\app-0.1.0\\Cratekeeper.exe`,
      env: {},
      fileExists: (file) => file === `${installDir}\\Update.exe`,
    });
    expect(path).toBe(`${installDir}\\Cratekeeper.exe`);
  });

  it('Linux: writes an XDG autostart entry that starts the app hidden, and removes it', async () => {
    const { home, loginItem } = setUp({
      platform: 'linux',
      execPath: '/opt/Crate keeper/cratekeeper',
    });
    expect(loginItem.supported).toBe(true);
    await loginItem.set(true);
    const dir = join(home, '.config', 'autostart');
    const file = join(dir, AUTOSTART_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\n');
    expect(text).toContain('\nExec="/opt/Crate keeper/cratekeeper" --hidden\n');
    expect(text).toContain('\nName=Cratekeeper\n');
    // Written whole: no temporary file left beside it.
    expect(readdirSync(dir)).toEqual([AUTOSTART_FILE_NAME]);
    expect(statSync(file).mode & 0o077).toBe(0);
    await loginItem.set(true);
    expect(readdirSync(dir)).toEqual([AUTOSTART_FILE_NAME]);
    await loginItem.set(false);
    expect(readdirSync(dir)).toEqual([]);
    // Removing what is not there is fine.
    await expect(loginItem.set(false)).resolves.toBeUndefined();
  });

  it('Linux: honours XDG_CONFIG_HOME and starts an AppImage by its own path', async () => {
    const config = mkdtempSync(join(tmpdir(), 'cratekeeper-xdg-'));
    const { loginItem } = setUp({
      platform: 'linux',
      env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ana/Apps/Cratekeeper.AppImage' },
    });
    await loginItem.set(true);
    const text = readFileSync(join(config, 'autostart', AUTOSTART_FILE_NAME), 'utf8');
    expect(text).toContain('\nExec=/home/ana/Apps/Cratekeeper.AppImage --hidden\n');
  });

  it('is not offered in development, nor where the OS has no login items here', async () => {
    const dev = setUp({ platform: 'darwin', isPackaged: false });
    expect(dev.loginItem.supported).toBe(false);
    await dev.loginItem.set(true);
    expect(dev.fake.app.loginItemSettings).toEqual([]);
    expect(setUp({ platform: 'freebsd' }).loginItem.supported).toBe(false);
  });
});

describe('autostartDir', () => {
  it('uses an absolute XDG_CONFIG_HOME, and ~/.config otherwise', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/autostart');
    expect(autostartDir({}, '/home/ana')).toBe('/home/ana/.config/autostart');
    // Relative values are invalid under the Base Directory spec.
    expect(autostartDir({ XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe(
      '/home/ana/.config/autostart',
    );
  });
});

describe('execArgument (Desktop Entry spec quoting)', () => {
  it.each([
    ['/usr/bin/cratekeeper', '/usr/bin/cratekeeper'],
    ['--hidden', '--hidden'],
    ['/opt/My Apps/ck', '"/opt/My Apps/ck"'],
    ['/opt/100%/ck', '/opt/100%%/ck'],
    ['/opt/a"b', String.raw`"/opt/a\\"b"`],
    ['/opt/$HOME', String.raw`"/opt/\\$HOME"`],
    ['/opt/back`tick', String.raw`"/opt/back\\` + '`tick"'],
    [String.raw`/opt/back\slash`, String.raw`"/opt/back\\\\slash"`],
    ["/opt/it's", `"/opt/it's"`],
    ['', '""'],
  ])('%s → %s', (argument, expected) => {
    expect(execArgument(argument)).toBe(expected);
  });

  it('refuses a line break, which would end the key', () => {
    expect(() => execArgument('/opt/a\nExec=evil')).toThrow();
  });

  it('builds the whole entry', () => {
    expect(autostartEntry('/usr/lib/cratekeeper/cratekeeper', ['--hidden'])).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.5',
        'Name=Cratekeeper',
        'Comment=Warns before your crates.io tokens expire',
        'Exec=/usr/lib/cratekeeper/cratekeeper --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });
});

describe('launchedAtLogin', () => {
  it('is --hidden on Windows and Linux, wasOpenedAtLogin on macOS', () => {
    const { app } = createFakeElectron();
    expect(launchedAtLogin(app, 'linux', ['/opt/ck', '--hidden'])).toBe(true);
    expect(launchedAtLogin(app, 'win32', ['C:\\ck.exe'])).toBe(false);
    expect(launchedAtLogin(app, 'darwin', ['/Applications/ck'])).toBe(false);
    app.wasOpenedAtLogin = true;
    expect(launchedAtLogin(app, 'darwin', ['/Applications/ck'])).toBe(true);
    // Only macOS answers wasOpenedAtLogin.
    expect(launchedAtLogin(app, 'linux', ['/opt/ck'])).toBe(false);
  });
});
