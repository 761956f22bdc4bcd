import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, NativeTheme, Tray } from 'electron';
import type { TrayMenuEntry, TrayPort, TrayView } from '../core/watch-ports';
import { trayIconFileName } from './tray-icons';

/** What the tray adapter takes from Electron; tests pass the fake module's parts. */
export interface TrayElectron {
  readonly Tray: new (image: NativeImage) => Tray;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  readonly nativeImage: { createFromPath(path: string): NativeImage };
  readonly nativeTheme: Pick<
    NativeTheme,
    'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI' | 'on' | 'removeListener'
  >;
}

export interface TrayOptions {
  readonly platform: NodeJS.Platform;
  /** The folder with the icon files (see tray-icons.ts). */
  readonly iconDir: string;
  /**
   * A left click on the icon, on Windows and Linux: brings the window up, as
   * most apps there do. On macOS a click opens the menu, so this is unused;
   * on Linux the click only arrives where the panel supports it, so "Open
   * Cratekeeper" is always in the menu as well.
   */
  readonly onActivate: () => void;
  readonly log: { warn(message: string): void };
}

/** Windows cuts a notification-area tooltip at 127 characters (NOTIFYICONDATA.szTip). */
const WINDOWS_TOOLTIP_LIMIT = 127;

/**
 * The tray icon. Created on the first `show`, so nothing appears until the
 * core has something to show; each `show` sets the icon for the state (and
 * the panel's theme), the tooltip and the whole menu again, because Electron
 * shows a changed menu only after `setContextMenu`.
 */
export class ElectronTray implements TrayPort {
  private tray: Tray | null = null;
  private lastView: TrayView | null = null;
  private shownIcon: string | null = null;
  private shownTooltip: string | null = null;
  /** The menu's labels as last built; the entries' handlers are looked up at click time. */
  private shownMenu: string | null = null;
  private entries: readonly TrayMenuEntry[] = [];
  private readonly onThemeChange = (): void => {
    if (this.lastView) this.applyIcon(this.lastView);
  };

  constructor(
    private readonly electron: TrayElectron,
    private readonly options: TrayOptions,
  ) {}

  /**
   * The core shows its view after every check, once a minute or more. Only
   * what changed is handed to the OS: rebuilding an unchanged menu every
   * minute would close it under the user's pointer on some Linux panels.
   * Clicks always reach the latest view's handlers.
   */
  show(view: TrayView): void {
    this.lastView = view;
    this.entries = view.menu;
    const tray = this.tray ?? this.create(view);
    this.applyIcon(view);
    const tooltip = this.tooltip(view.tooltip);
    if (tooltip !== this.shownTooltip) {
      tray.setToolTip(tooltip);
      this.shownTooltip = tooltip;
    }
    const menu = JSON.stringify(
      view.menu.map((entry) => (entry.kind === 'item' ? entry.label : null)),
    );
    if (menu !== this.shownMenu) {
      tray.setContextMenu(this.electron.Menu.buildFromTemplate(this.template(view.menu)));
      this.shownMenu = menu;
    }
  }

  destroy(): void {
    const tray = this.tray;
    this.tray = null;
    this.shownIcon = null;
    this.shownTooltip = null;
    this.shownMenu = null;
    if (!tray) return;
    this.electron.nativeTheme.removeListener('updated', this.onThemeChange);
    // Destroying twice throws (electron#32581); quitting may get here after Electron did.
    if (!tray.isDestroyed()) tray.destroy();
  }

  private create(view: TrayView): Tray {
    const fileName = this.iconFileName(view);
    const tray = new this.electron.Tray(this.image(fileName));
    this.shownIcon = fileName;
    if (this.options.platform !== 'darwin') {
      tray.on('click', () => {
        this.options.onActivate();
      });
    }
    // A light or dark panel (Windows and Linux) needs the other glyph; macOS tints templates itself.
    this.electron.nativeTheme.on('updated', this.onThemeChange);
    this.tray = tray;
    return tray;
  }

  private applyIcon(view: TrayView): void {
    const tray = this.tray;
    if (!tray) return;
    const fileName = this.iconFileName(view);
    if (fileName === this.shownIcon) return;
    tray.setImage(this.image(fileName));
    this.shownIcon = fileName;
  }

  private iconFileName(view: TrayView): string {
    const { platform } = this.options;
    const { nativeTheme } = this.electron;
    // On Windows the taskbar follows the system theme, which may differ from the apps' theme.
    const darkPanel =
      platform === 'win32'
        ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI
        : nativeTheme.shouldUseDarkColors;
    return trayIconFileName(view.state, platform, darkPanel);
  }

  private image(fileName: string): NativeImage {
    const image = this.electron.nativeImage.createFromPath(join(this.options.iconDir, fileName));
    if (image.isEmpty()) {
      this.options.log.warn(`Tray icon ${fileName} was not found in ${this.options.iconDir}.`);
    }
    // The file name ends in "Template" already; saying so keeps it a template whatever loads it.
    if (this.options.platform === 'darwin') image.setTemplateImage(true);
    return image;
  }

  private tooltip(text: string): string {
    if (this.options.platform !== 'win32' || text.length <= WINDOWS_TOOLTIP_LIMIT) return text;
    return `${text.slice(0, WINDOWS_TOOLTIP_LIMIT - 1)}…`;
  }

  private template(menu: readonly TrayMenuEntry[]): MenuItemConstructorOptions[] {
    return menu.map((entry, index) =>
      entry.kind === 'separator'
        ? { type: 'separator' }
        : {
            label: escapeAmpersands(entry.label),
            click: () => {
              // The entry at this place in the latest view: same labels, newest handler.
              const latest = this.entries[index];
              if (latest?.kind === 'item') latest.onClick();
            },
          },
    );
  }
}

/**
 * Electron reads "&" in a menu label as an access-key marker and does not draw
 * it (electron#9584, #25028); a token named "CI & release" keeps its "&" only
 * when doubled.
 */
function escapeAmpersands(label: string): string {
  return label.replaceAll('&', '&&');
}
