import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../shared/ipc/contract';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
} from './content-security-policy';
import { APP_SCHEME_PRIVILEGES } from './app-scheme';
import type { Fetch } from './core/ports';
import { MemoryMetadataStore } from './core/store/memory-metadata-store';
import { memoryKeychain } from './core/test-support/memory-keychain';
import type { RendererLocation } from './renderer-location';
import { startShell, type ShellConfig } from './shell';
import { asElectron, createFakeElectron, type FakeElectron } from './test-support/fake-electron';

const rendererRoot = resolve('/app/.vite/renderer/main_window');
const location: RendererLocation = {
  kind: 'app-protocol',
  root: rendererRoot,
  url: 'app://cratekeeper/index.html',
};
const noNetwork: Fetch = () => Promise.reject(new Error('no network in unit tests'));

function config(overrides: Partial<ShellConfig> = {}): ShellConfig {
  return {
    location,
    preloadPath: resolve('/app/.vite/build/preload.cjs'),
    platform: 'linux',
    argv: ['/opt/Cratekeeper/cratekeeper'],
    execPath: '/opt/Cratekeeper/cratekeeper',
    env: {},
    resourcesPath: '/opt/Cratekeeper/resources',
    fetch: noNetwork,
    log: { error: vi.fn(), warn: vi.fn() },
    openStorage: () =>
      Promise.resolve({
        dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-shell-')),
        store: new MemoryMetadataStore(),
        keychain: memoryKeychain(),
      }),
    ...overrides,
  };
}

async function started(overrides: Partial<ShellConfig> = {}) {
  const fake = createFakeElectron();
  const shell = await startShell(asElectron(fake), config(overrides));
  const [window] = fake.BrowserWindow.created;
  if (!shell || !window) throw new Error('the shell did not start');
  return { fake, shell, window };
}

function mainFrameOf(fake: FakeElectron) {
  const contents = fake.BrowserWindow.created[0]?.webContents;
  if (!contents) throw new Error('no main window');
  return { sender: contents, senderFrame: contents.mainFrame };
}

describe('startShell', () => {
  it('takes a copied secret off the clipboard before quitting', async () => {
    const { fake, shell } = await started();
    await shell.core.secretClipboard.copy('cioSecretCopiedJustBeforeQuitting');
    const event = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => {
      expect(fake.app.quit).toHaveBeenCalledOnce();
    });
    expect(fake.clipboard.text).toBe('');
    // The second will-quit (from that quit) goes through.
    const again = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('quits without opening anything when another instance holds the lock', async () => {
    const fake = createFakeElectron();
    fake.app.hasLock = false;
    const shell = await startShell(asElectron(fake), config());
    expect(shell).toBeNull();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.BrowserWindow.created).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('sandboxes every renderer and opens the main window on our page', async () => {
    const { fake, window } = await started();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(window.loadedUrl).toBe('app://cratekeeper/index.html');
    expect(window.loadedFile).toBeNull();
    expect(window.options.webPreferences).toMatchObject({
      preload: resolve('/app/.vite/build/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('registers app:// as a privileged standard, secure scheme before the app is ready', async () => {
    const fake = createFakeElectron();
    const starting = startShell(asElectron(fake), config());
    // The fake throws if this comes after ready; and ready has not come yet.
    expect(fake.app.ready).toBe(false);
    expect(fake.protocol.privilegedSchemes).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(fake.protocol.privilegedSchemes[0]?.privileges).toMatchObject({
      standard: true,
      secure: true,
    });
    await starting;
    expect(fake.app.ready).toBe(true);
  });

  it('serves the build folder on app:// once ready, with the CSP header on the page', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cratekeeper-shell-renderer-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cratekeeper</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
    const { fake } = await started({ location: { ...location, root } });
    const page = await fake.protocol.request('app://cratekeeper/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    const script = await fake.protocol.request('app://cratekeeper/assets/index-abc.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect((await fake.protocol.request('app://cratekeeper/../secret.txt')).status).toBe(404);
    expect((await fake.protocol.request('app://elsewhere/index.html')).status).toBe(404);
  });

  it('serves nothing on app:// while the dev server provides the page', async () => {
    const { fake } = await started({
      location: { kind: 'dev-server', url: 'http://localhost:5173' },
    });
    expect(fake.protocol.handlers.size).toBe(0);
  });

  it('refuses calls from our own page shown from file://', async () => {
    const { fake, window } = await started();
    window.webContents.mainFrame.url = pathToFileURL(`${rendererRoot}/index.html`).href;
    for (const name of CALL_NAMES) {
      expect(await fake.ipcMain.invoke(name, mainFrameOf(fake), {})).toMatchObject({ ok: false });
    }
  });

  it('answers every contract call from the main window through the core', async () => {
    const { fake } = await started();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CALL_NAMES].sort());
    // Every call answers with a Result value (never a thrown error), and the
    // ones that need no input reach the real core and succeed.
    for (const name of CALL_NAMES) {
      const result = await fake.ipcMain.invoke(name, mainFrameOf(fake), {});
      expect(result).toHaveProperty('ok');
    }
    expect(await fake.ipcMain.invoke('accounts:list', mainFrameOf(fake), {})).toEqual({
      ok: true,
      value: [],
    });
    expect(await fake.ipcMain.invoke('vault:status', mainFrameOf(fake), {})).toMatchObject({
      ok: true,
      value: { cipher: 'os-keychain', state: 'ready' },
    });
  });

  it('refuses calls from the main window once it shows something else', async () => {
    const { fake, window } = await started();
    window.webContents.mainFrame.url = 'https://evil.example/';
    for (const name of CALL_NAMES) {
      expect(await fake.ipcMain.invoke(name, mainFrameOf(fake), {})).toMatchObject({ ok: false });
    }
  });

  it('guards navigation and pop-ups of every web contents', async () => {
    const { window } = await started();
    expect(window.webContents.tryNavigate('app://cratekeeper/index.html')).toBe(true);
    expect(window.webContents.tryNavigate(pathToFileURL(`${rendererRoot}/index.html`).href)).toBe(
      false,
    );
    expect(window.webContents.tryNavigate('https://evil.example/')).toBe(false);
    expect(window.webContents.tryOpenWindow('https://evil.example/')).toBe('deny');
    expect(window.webContents.tryAttachWebview()).toBe(false);
  });

  it('puts the CSP header on documents and denies permissions in the default session', async () => {
    const { fake } = await started();
    const headers = fake.session.defaultSession.headersFor('mainFrame')?.responseHeaders;
    expect(Object.keys(headers ?? {})).toEqual(['Content-Security-Policy']);
    let granted: boolean | undefined;
    fake.session.defaultSession.permissionRequestHandler?.({}, 'media', (answer) => {
      granted = answer;
    });
    expect(granted).toBe(false);
  });

  it('sends the strict policy for the built page and the relaxed one for the dev server', async () => {
    const built = await started();
    expect(built.fake.session.defaultSession.headersFor('mainFrame')?.responseHeaders).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    const dev = await started({ location: { kind: 'dev-server', url: 'http://localhost:5173' } });
    expect(dev.window.loadedUrl).toBe('http://localhost:5173');
    expect(dev.fake.session.defaultSession.headersFor('mainFrame')?.responseHeaders).toEqual({
      'Content-Security-Policy': [DEV_SERVER_CONTENT_SECURITY_POLICY],
    });
  });

  it('brings the existing window forward when the app is launched again', async () => {
    const { fake, window } = await started();
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['/opt/Cratekeeper/cratekeeper'], '/home/ana');
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = await started({ platform: 'linux' });
    linux.window.close();
    linux.fake.app.emit('window-all-closed');
    expect(linux.fake.app.quit).toHaveBeenCalledOnce();

    const mac = await started({ platform: 'darwin' });
    mac.window.close();
    mac.fake.app.emit('window-all-closed');
    expect(mac.fake.app.quit).not.toHaveBeenCalled();
    mac.fake.app.emit('activate');
    expect(mac.fake.BrowserWindow.created).toHaveLength(2);
  });

  it('stays in the tray when the last window closes on Windows (keep in tray is on there by default)', async () => {
    const { fake, window } = await started({ platform: 'win32' });
    window.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('quits on Linux when the user turned keep-in-tray off, and stays when turned on', async () => {
    const store = new MemoryMetadataStore();
    store.set('settings', { ...store.get('settings'), keepInTray: true });
    const linux = await started({
      platform: 'linux',
      openStorage: () =>
        Promise.resolve({
          dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-shell-')),
          store,
          keychain: memoryKeychain(),
        }),
    });
    linux.window.close();
    linux.fake.app.emit('window-all-closed');
    expect(linux.fake.app.quit).not.toHaveBeenCalled();
  });

  it('started by the login item (--hidden), opens no window until asked', async () => {
    const fake = createFakeElectron();
    const shell = await startShell(
      asElectron(fake),
      config({ platform: 'win32', argv: ['C:\\ck\\Cratekeeper.exe', '--hidden'] }),
    );
    expect(shell).not.toBeNull();
    expect(fake.BrowserWindow.created).toEqual([]);
    // A second login launch still shows nothing; a launch by hand does.
    fake.app.emit('second-instance', {}, ['C:\\ck\\Cratekeeper.exe', '--hidden'], 'C:\\');
    expect(fake.BrowserWindow.created).toEqual([]);
    fake.app.emit('second-instance', {}, ['C:\\ck\\Cratekeeper.exe'], 'C:\\');
    expect(fake.BrowserWindow.created).toHaveLength(1);
  });

  it('started at login on macOS (wasOpenedAtLogin), stays in the menu bar', async () => {
    const fake = createFakeElectron();
    fake.app.wasOpenedAtLogin = true;
    await startShell(asElectron(fake), config({ platform: 'darwin' }));
    expect(fake.BrowserWindow.created).toEqual([]);
  });

  it('started with --hidden where the tray is off (Linux default), shows the window anyway', async () => {
    const fake = createFakeElectron();
    await startShell(
      asElectron(fake),
      config({ platform: 'linux', argv: ['/opt/Cratekeeper/cratekeeper', '--hidden'] }),
    );
    expect(fake.BrowserWindow.created).toHaveLength(1);
  });

  it("sets Windows' AppUserModelID before anything is shown, and only on Windows", async () => {
    const dev = createFakeElectron();
    await startShell(
      asElectron(dev),
      config({ platform: 'win32', execPath: 'C:\\e\\electron.exe' }),
    );
    expect(dev.app.setAppUserModelId).toHaveBeenCalledWith('C:\\e\\electron.exe');

    const packaged = createFakeElectron();
    packaged.app.isPackaged = true;
    await startShell(
      asElectron(packaged),
      config({ platform: 'win32', execPath: 'D:\\Cratekeeper\\Cratekeeper.exe' }),
    );
    expect(packaged.app.setAppUserModelId).toHaveBeenCalledWith(
      'com.squirrel.cratekeeper.Cratekeeper',
    );

    const linux = createFakeElectron();
    await startShell(asElectron(linux), config({ platform: 'linux' }));
    expect(linux.app.setAppUserModelId).not.toHaveBeenCalled();
  });

  it('on Windows, a toast activated from the Action Center brings the window up', async () => {
    const { fake, window } = await started({ platform: 'win32' });
    window.close();
    fake.Notification.activationHandler?.({ type: 'click', arguments: '' });
    expect(fake.BrowserWindow.created).toHaveLength(2);
  });

  it('starts at login through Electron when the user says so in Settings (packaged macOS)', async () => {
    const fake = createFakeElectron();
    fake.app.isPackaged = true;
    await startShell(asElectron(fake), config({ platform: 'darwin' }));
    expect(await fake.ipcMain.invoke('settings:get', mainFrameOf(fake), {})).toMatchObject({
      ok: true,
      value: { startAtLoginSupported: true, keepInTrayDefault: true },
    });
    const answer = await fake.ipcMain.invoke('settings:update', mainFrameOf(fake), {
      patch: { startAtLogin: true },
    });
    expect(answer).toMatchObject({ ok: true });
    expect(fake.app.loginItemSettings).toEqual([{ openAtLogin: true }]);
  });

  it('offers no start at login under npm start (not packaged)', async () => {
    const { fake } = await started({ platform: 'darwin' });
    expect(await fake.ipcMain.invoke('settings:get', mainFrameOf(fake), {})).toMatchObject({
      ok: true,
      value: { startAtLoginSupported: false },
    });
  });

  it('shows the tray once started, and its menu opens the window, goes to Settings and quits', async () => {
    const { fake, window } = await started({ platform: 'win32' });
    await vi.waitFor(() => {
      expect(fake.Tray.created).toHaveLength(1);
    });
    const [tray] = fake.Tray.created;
    if (!tray) throw new Error('no tray');
    expect(tray.image.path).toBe(resolve('/app/electron/assets/tray/ok-light.ico'));
    expect(tray.menuLabels().slice(-4)).toEqual([
      'Open Cratekeeper',
      'Refresh now',
      'Settings',
      'Quit',
    ]);
    window.webContents.finishLoad();
    window.close();
    tray.clickItem('Settings');
    const reopened = fake.BrowserWindow.created[1];
    if (!reopened) throw new Error('the window was not opened again');
    reopened.webContents.finishLoad();
    expect(reopened.webContents.sent).toContainEqual({
      channel: 'app:navigate',
      payload: { to: 'settings' },
    });
    tray.clickItem('Quit');
    expect(fake.app.quit).toHaveBeenCalledOnce();
    fake.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(tray.isDestroyed()).toBe(true);
  });

  it('stops the expiry watch when the app quits', async () => {
    const { fake, shell } = await started();
    const stop = vi.spyOn(shell.core.watch, 'stop');
    fake.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(stop).toHaveBeenCalledOnce();
  });
});
