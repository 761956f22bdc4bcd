import { basename, join } from 'node:path';
import { TRAY_STATES, type TrayState } from '../../shared/domain/attention';
import type { TrayIconVariant } from '../assets/tray-icon-art';
import { TRAY_ICON_SOURCE_DIR } from '../build-targets';

/**
 * Which icon file the tray shows, and where the files are. The files are
 * written by `electron/assets/make-tray-icons.ts` into `electron/assets/tray/`
 * and shipped as an extra resource (forge.config.ts), so at run time they sit
 * in `<resources>/tray` when packaged and in the source tree in development.
 */

/** The folder's name in the packaged app's resources (extraResource keeps the last segment). */
export const TRAY_ICON_FOLDER = basename(TRAY_ICON_SOURCE_DIR);

/** One file of the set: its name, what it shows and the pixel sizes inside it. */
export interface TrayIconFile {
  readonly name: string;
  readonly state: TrayState;
  readonly variant: TrayIconVariant;
  /** One size for a PNG; several for an .ico. */
  readonly sizes: readonly number[];
}

/** Sizes Windows picks from for the notification area at 100% to 300% scale. */
export const WINDOWS_ICO_SIZES = [16, 20, 24, 32, 40, 48] as const;

function pngPair(state: TrayState, variant: TrayIconVariant, base: string): TrayIconFile[] {
  // Electron loads `name@2x.png` beside `name.png` by itself on high-DPI screens.
  return [
    { name: `${base}.png`, state, variant, sizes: [16] },
    { name: `${base}@2x.png`, state, variant, sizes: [32] },
  ];
}

/** Every file the tray can ask for; make-tray-icons writes exactly these. */
export const TRAY_ICON_FILES: readonly TrayIconFile[] = TRAY_STATES.flatMap((state) => [
  // macOS: the name must end in "Template" for the menu bar to tint it.
  ...pngPair(state, 'template', `${state}Template`),
  // Linux (and anywhere else): 16px plus @2x, for light and for dark panels.
  ...pngPair(state, 'light', `${state}-light`),
  ...pngPair(state, 'dark', `${state}-dark`),
  // Windows: one .ico per theme with every size (ICO is what Electron recommends there).
  { name: `${state}-light.ico`, state, variant: 'light', sizes: WINDOWS_ICO_SIZES },
  { name: `${state}-dark.ico`, state, variant: 'dark', sizes: WINDOWS_ICO_SIZES },
]);

/**
 * The file for a state: a template image on macOS (the menu bar colours it),
 * an .ico on Windows, a PNG elsewhere; `darkPanel` picks the light glyph.
 */
export function trayIconFileName(
  state: TrayState,
  platform: NodeJS.Platform,
  darkPanel: boolean,
): string {
  if (platform === 'darwin') return `${state}Template.png`;
  const variant = darkPanel ? 'dark' : 'light';
  return platform === 'win32' ? `${state}-${variant}.ico` : `${state}-${variant}.png`;
}

export interface TrayIconLocation {
  readonly isPackaged: boolean;
  /** `app.getAppPath()`: the project folder under `electron-forge start`. */
  readonly appPath: string;
  /** `process.resourcesPath`: where extraResource puts the folder when packaged. */
  readonly resourcesPath: string;
}

/** The folder holding the icons, in development and packaged. */
export function trayIconDir(location: TrayIconLocation): string {
  return location.isPackaged
    ? join(location.resourcesPath, TRAY_ICON_FOLDER)
    : join(location.appPath, TRAY_ICON_SOURCE_DIR);
}
