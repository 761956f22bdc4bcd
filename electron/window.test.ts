import { resolve } from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeBrowserWindow } from './test-support/fake-electron';
import { MainWindowSlot, mainWindowOptions, openMainWindow } from './window';

const preload = resolve('/app/.vite/build/preload.cjs');
const built = {
  kind: 'app-protocol',
  root: resolve('/app/.vite/renderer/main_window'),
  url: 'app://cratekeeper/index.html',
} as const;
const log = { error: vi.fn() };

function open(location: Parameters<typeof openMainWindow>[2], dark = false): FakeBrowserWindow {
  const fake = createFakeElectron();
  fake.nativeTheme.shouldUseDarkColors = dark;
  openMainWindow(fake as unknown as Parameters<typeof openMainWindow>[0], preload, location, log);
  const [window] = fake.BrowserWindow.created;
  if (!window) throw new Error('no window was created');
  return window;
}

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the page, with our preload as its only bridge', () => {
    expect(mainWindowOptions(preload, false).webPreferences).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is titled, sized with a minimum, and hidden until painted', () => {
    const options = mainWindowOptions(preload, false);
    expect(options).toMatchObject({ title: 'Cratekeeper', show: false });
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
    expect(options.minHeight).toBeLessThanOrEqual(options.height ?? 0);
  });

  it('paints the first frame in the colours of the OS theme', () => {
    expect(mainWindowOptions(preload, true).backgroundColor).not.toBe(
      mainWindowOptions(preload, false).backgroundColor,
    );
  });
});

describe('openMainWindow', () => {
  it('loads the built page from app://, not file://, and shows the window once ready', () => {
    const window = open(built);
    expect(window.options.webPreferences?.preload).toBe(preload);
    expect(window.loadedUrl).toBe('app://cratekeeper/index.html');
    expect(window.loadedFile).toBeNull();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('loads the dev server while developing', () => {
    const window = open({ kind: 'dev-server', url: 'http://localhost:5173' });
    expect(window.loadedUrl).toBe('http://localhost:5173');
  });

  it('follows the OS theme', () => {
    const dark = open(built, true);
    expect(dark.options.backgroundColor).toBe(mainWindowOptions(preload, true).backgroundColor);
  });
});

describe('MainWindowSlot', () => {
  function slot() {
    const fake = createFakeElectron();
    const create = vi.fn(() => new fake.BrowserWindow({}) as unknown as BrowserWindow);
    return { windows: new MainWindowSlot(create), create, fake };
  }

  it('creates no window before the app is ready', () => {
    const { windows, create } = slot();
    windows.reveal();
    expect(create).not.toHaveBeenCalled();
  });

  it('creates one window, then restores and focuses it instead of opening another', () => {
    const { windows, create, fake } = slot();
    windows.allowCreation();
    windows.reveal();
    const [window] = fake.BrowserWindow.created;
    if (!window) throw new Error('no window');
    window.minimized = true;
    windows.reveal();
    expect(create).toHaveBeenCalledOnce();
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('opens a new window after the last one was closed', () => {
    const { windows, create, fake } = slot();
    windows.allowCreation();
    windows.reveal();
    fake.BrowserWindow.created[0]?.close();
    expect(windows.current()).toBeNull();
    windows.reveal();
    expect(create).toHaveBeenCalledTimes(2);
  });
});
