import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TrayState } from '../../shared/domain/attention';
import { describe, expect, it, vi } from 'vitest';
import type { TrayMenuEntry, TrayView } from '../core/watch-ports';
import { createFakeElectron, type FakeTray } from '../test-support/fake-electron';
import { ElectronTray, type TrayElectron } from './electron-tray';
import { trayIconDir } from './tray-icons';

const iconDir = trayIconDir({
  isPackaged: false,
  appPath: resolve(import.meta.dirname, '../..'),
  resourcesPath: '/nowhere',
});

function item(label: string, onClick = vi.fn()): TrayMenuEntry {
  return { kind: 'item', label, onClick };
}

function view(state: TrayState, menu: readonly TrayMenuEntry[] = []): TrayView {
  return {
    state,
    tooltip: `Cratekeeper: ${state}`,
    menu: [
      ...menu,
      { kind: 'separator' },
      item('Open Cratekeeper'),
      item('Refresh now'),
      item('Settings'),
      item('Quit'),
    ],
  };
}

async function setUp(platform: NodeJS.Platform) {
  const fake = createFakeElectron();
  await fake.app.whenReady();
  const onActivate = vi.fn();
  const log = { warn: vi.fn() };
  const tray = new ElectronTray(fake as unknown as TrayElectron, {
    platform,
    iconDir,
    onActivate,
    log,
  });
  const icon = (): FakeTray => {
    const [created] = fake.Tray.created;
    if (!created) throw new Error('no tray icon was created');
    return created;
  };
  return { fake, tray, onActivate, log, icon };
}

describe('ElectronTray', () => {
  it('shows nothing before the core has something to show', async () => {
    const { fake } = await setUp('linux');
    expect(fake.Tray.created).toEqual([]);
  });

  it('builds the menu from the view: token items first, then the four fixed entries, in order', async () => {
    const { tray, icon } = await setUp('linux');
    tray.show(view('attention', [item("'CI: quill' expires in 3 days"), item('deploy & docs')]));
    expect(icon().menuLabels()).toEqual([
      "'CI: quill' expires in 3 days",
      // Doubled so Electron draws the "&" instead of taking it as an access key.
      'deploy && docs',
      '---',
      'Open Cratekeeper',
      'Refresh now',
      'Settings',
      'Quit',
    ]);
    expect(icon().toolTip).toBe('Cratekeeper: attention');
  });

  it('calls through to the entry clicked', async () => {
    const { tray, icon } = await setUp('win32');
    const openToken = vi.fn();
    const refresh = vi.fn();
    tray.show({
      state: 'alert',
      tooltip: '1 token expired',
      menu: [item('release token expired', openToken), item('Refresh now', refresh)],
    });
    icon().clickItem('release token expired');
    expect(openToken).toHaveBeenCalledOnce();
    expect(refresh).not.toHaveBeenCalled();
    icon().clickItem('Refresh now');
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('replaces the menu and tooltip when they change, on the same icon', async () => {
    const { fake, tray, icon } = await setUp('linux');
    tray.show(view('attention', [item('a expires in 7 days')]));
    tray.show(view('ok'));
    expect(fake.Tray.created).toHaveLength(1);
    expect(icon().menuLabels()[0]).toBe('---');
    expect(icon().toolTip).toBe('Cratekeeper: ok');
  });

  it('leaves an unchanged menu alone and sends its clicks to the latest handlers', async () => {
    const { fake, tray, icon } = await setUp('linux');
    const first = vi.fn();
    const latest = vi.fn();
    tray.show(view('attention', [item('docs expires in 7 days', first)]));
    const menu = icon().contextMenu;
    tray.show(view('attention', [item('docs expires in 7 days', latest)]));
    expect(icon().contextMenu).toBe(menu);
    expect(fake.Menu.buildFromTemplate).toHaveBeenCalledOnce();
    icon().clickItem('docs expires in 7 days');
    expect(latest).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
  });

  it.each([
    ['linux', false, ['ok-light.png', 'attention-light.png', 'alert-light.png']],
    ['linux', true, ['ok-dark.png', 'attention-dark.png', 'alert-dark.png']],
    ['win32', false, ['ok-light.ico', 'attention-light.ico', 'alert-light.ico']],
    ['win32', true, ['ok-dark.ico', 'attention-dark.ico', 'alert-dark.ico']],
    ['darwin', false, ['okTemplate.png', 'attentionTemplate.png', 'alertTemplate.png']],
    ['darwin', true, ['okTemplate.png', 'attentionTemplate.png', 'alertTemplate.png']],
  ] as const)(
    'on %s (dark panel: %s) shows one icon file per state',
    async (platform, dark, files) => {
      const { fake, tray, icon, log } = await setUp(platform);
      fake.nativeTheme.shouldUseDarkColors = dark;
      fake.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = dark;
      const shown = (['ok', 'attention', 'alert'] as const).map((state) => {
        tray.show(view(state));
        return icon().image.path;
      });
      expect(shown).toEqual(files.map((file) => join(iconDir, file)));
      for (const path of shown) expect(existsSync(path)).toBe(true);
      expect(log.warn).not.toHaveBeenCalled();
    },
  );

  it('marks macOS icons as template images so the menu bar tints them', async () => {
    const { tray, icon } = await setUp('darwin');
    tray.show(view('alert'));
    expect(icon().image.templateImage).toBe(true);
  });

  it("follows Windows' taskbar theme, not the apps' theme", async () => {
    const { fake, tray, icon } = await setUp('win32');
    fake.nativeTheme.shouldUseDarkColors = false;
    fake.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    tray.show(view('ok'));
    expect(icon().image.path).toBe(join(iconDir, 'ok-dark.ico'));
  });

  it('swaps the glyph when the panel turns dark', async () => {
    const { fake, tray, icon } = await setUp('linux');
    tray.show(view('attention'));
    fake.nativeTheme.shouldUseDarkColors = true;
    fake.nativeTheme.emit('updated');
    expect(icon().image.path).toBe(join(iconDir, 'attention-dark.png'));
  });

  it('cuts a long tooltip to what Windows shows', async () => {
    const { tray, icon } = await setUp('win32');
    tray.show({ state: 'attention', tooltip: 'x'.repeat(300), menu: [] });
    expect(icon().toolTip).toHaveLength(127);
    expect(icon().toolTip.endsWith('…')).toBe(true);
  });

  it('opens the window on a click outside macOS; on macOS a click only opens the menu', async () => {
    const linux = await setUp('linux');
    linux.tray.show(view('ok'));
    linux.icon().emit('click');
    expect(linux.onActivate).toHaveBeenCalledOnce();

    const mac = await setUp('darwin');
    mac.tray.show(view('ok'));
    mac.icon().emit('click');
    expect(mac.onActivate).not.toHaveBeenCalled();
  });

  it('warns when an icon file is missing (a broken package), and still shows the tray', async () => {
    const fake = createFakeElectron();
    await fake.app.whenReady();
    const log = { warn: vi.fn() };
    const tray = new ElectronTray(fake as unknown as TrayElectron, {
      platform: 'linux',
      iconDir: '/no/such/folder',
      onActivate: vi.fn(),
      log,
    });
    tray.show(view('ok'));
    expect(fake.Tray.created).toHaveLength(1);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('ok-light.png'));
  });

  it('destroys the icon once, stops following the theme, and can show a new one later', async () => {
    const { fake, tray, icon } = await setUp('linux');
    tray.show(view('ok'));
    const first = icon();
    tray.destroy();
    tray.destroy();
    expect(first.destroyCalls).toHaveBeenCalledOnce();
    expect(fake.nativeTheme.listenerCount('updated')).toBe(0);
    tray.show(view('alert'));
    expect(fake.Tray.created).toHaveLength(2);
    expect(fake.Tray.created[1]?.image.path).toBe(join(iconDir, 'alert-light.png'));
  });

  it('does not destroy an icon Electron already destroyed while quitting', async () => {
    const { tray, icon } = await setUp('win32');
    tray.show(view('ok'));
    icon().destroy();
    expect(() => {
      tray.destroy();
    }).not.toThrow();
    expect(icon().destroyCalls).toHaveBeenCalledOnce();
  });
});
