import { describe, expect, it, vi } from 'vitest';
import { mainWindowEventSink } from '../event-sink';
import {
  asElectron,
  createFakeElectron,
  type FakeBrowserWindow,
} from '../test-support/fake-electron';
import { MainWindowSlot, openMainWindow } from '../window';
import { MainWindowPort } from './main-window-port';

function setUp() {
  const fake = createFakeElectron();
  const log = { error: vi.fn() };
  const windows = new MainWindowSlot(() =>
    openMainWindow(
      asElectron(fake),
      '/app/preload.cjs',
      { kind: 'dev-server', url: 'http://localhost:5173' },
      log,
    ),
  );
  windows.allowCreation();
  const quit = vi.fn();
  const port = new MainWindowPort(
    windows,
    mainWindowEventSink(() => windows.current()?.webContents ?? null, log),
    quit,
  );
  const window = (index: number): FakeBrowserWindow => {
    const created = fake.BrowserWindow.created[index];
    if (!created) throw new Error(`no window ${String(index)}`);
    return created;
  };
  return { fake, windows, port, quit, window, log };
}

const onToken = { to: 'tokens', tokenKey: 'acct-1:42' } as const;

describe('MainWindowPort', () => {
  it('restores, shows and focuses the open window and sends it where to go', () => {
    const { windows, port, window } = setUp();
    windows.reveal();
    const open = window(0);
    open.webContents.finishLoad();
    open.minimized = true;
    port.open(onToken);
    expect(open.minimized).toBe(false);
    expect(open.visible).toBe(true);
    expect(open.focused).toBe(true);
    expect(open.webContents.sent).toEqual([{ channel: 'app:navigate', payload: onToken }]);
  });

  it('opens a new window when the last one was closed (app in the tray), and navigates once it has loaded', () => {
    const { fake, windows, port, window } = setUp();
    windows.reveal();
    window(0).close();
    port.open({ to: 'settings' });
    expect(fake.BrowserWindow.created).toHaveLength(2);
    const reopened = window(1);
    expect(reopened.webContents.sent).toEqual([]);
    reopened.webContents.finishLoad();
    expect(reopened.webContents.sent).toEqual([
      { channel: 'app:navigate', payload: { to: 'settings' } },
    ]);
    // Once, not on every later load.
    reopened.webContents.finishLoad();
    expect(reopened.webContents.sent).toHaveLength(1);
  });

  it('waits for a page still loading', () => {
    const { windows, port, window } = setUp();
    windows.reveal();
    port.open(onToken);
    expect(window(0).webContents.sent).toEqual([]);
    window(0).webContents.finishLoad();
    expect(window(0).webContents.sent).toHaveLength(1);
  });

  it('only brings the window up when there is nowhere to go', () => {
    const { windows, port, window } = setUp();
    windows.reveal();
    window(0).webContents.finishLoad();
    port.open();
    expect(window(0).visible).toBe(true);
    expect(window(0).webContents.sent).toEqual([]);
  });

  it('sends nothing the contract does not allow', () => {
    const { windows, port, window, log } = setUp();
    windows.reveal();
    window(0).webContents.finishLoad();
    port.open({ to: 'elsewhere' } as unknown as Parameters<MainWindowPort['open']>[0]);
    expect(window(0).webContents.sent).toEqual([]);
    expect(log.error).toHaveBeenCalled();
  });

  it('quits for real', () => {
    const { port, quit } = setUp();
    port.quit();
    expect(quit).toHaveBeenCalledOnce();
  });
});
