import type { BrowserWindow, BrowserWindowConstructorOptions, NativeTheme } from 'electron';
import type { RendererLocation } from './renderer-location';

/** MUI's default page backgrounds, so the first frame matches the theme. */
const DARK_BACKGROUND = '#121212';
const LIGHT_BACKGROUND = '#ffffff';

export const MAIN_WINDOW_TITLE = 'Cratekeeper';

/**
 * The main window's options (Electron security checklist: context isolation,
 * process sandbox, no Node integration, web security on). The preload is the
 * page's only way to the main process.
 */
export function mainWindowOptions(
  preloadPath: string,
  prefersDark: boolean,
): BrowserWindowConstructorOptions {
  return {
    title: MAIN_WINDOW_TITLE,
    width: 1320,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: prefersDark ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
    },
  };
}

export interface MainWindowDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'>;
}

export interface WindowLog {
  error(message: string): void;
}

/**
 * Creates the main window, shows it once painted, and loads our page: the dev
 * server's, or `app://cratekeeper/index.html` (never a file:// URL).
 */
export function openMainWindow(
  deps: MainWindowDeps,
  preloadPath: string,
  location: RendererLocation,
  log: WindowLog,
): BrowserWindow {
  const window = new deps.BrowserWindow(
    mainWindowOptions(preloadPath, deps.nativeTheme.shouldUseDarkColors),
  );
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(location.url).catch((error: unknown) => {
    log.error(`The Cratekeeper page did not load: ${String(error)}`);
    // ready-to-show may never come now; a visible window beats an invisible app.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

/**
 * Holds the one main window: creates it when none is open (after start-up, on
 * macOS `activate`, on a second launch) and brings it forward otherwise.
 */
export class MainWindowSlot {
  private window: BrowserWindow | null = null;
  private creatable = false;

  constructor(private readonly create: () => BrowserWindow) {}

  /** The open window, if any. */
  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Lets `reveal()` create windows; called once the app is ready. */
  allowCreation(): void {
    this.creatable = true;
  }

  /** Focuses the window, restoring it if minimised, or opens a new one. */
  reveal(): void {
    const open = this.current();
    if (open) {
      if (open.isMinimized()) open.restore();
      open.show();
      open.focus();
      return;
    }
    if (!this.creatable) return;
    const created = this.create();
    created.on('closed', () => {
      if (this.window === created) this.window = null;
    });
    this.window = created;
  }
}
