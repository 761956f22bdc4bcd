import type * as Electron from 'electron';
import { ElectronSignInWindow } from './adapters/sign-in-window';
import { appProtocolHandler } from './app-protocol';
import { APP_SCHEME, registerAppScheme } from './app-scheme';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
} from './content-security-policy';
import { createCore, type Core, type CoreStorage } from './core/core';
import { systemClock, type Fetch } from './core/ports';
import { mainWindowEventSink } from './event-sink';
import { registerIpcHandlers } from './ipc-main';
import { NavigationRules, ownRendererPolicy } from './navigation-rules';
import type { RendererLocation } from './renderer-location';
import { denyAllPermissions, enforceContentSecurityPolicy } from './session-hardening';
import { ownRendererSenderCheck } from './trusted-sender';
import { guardWebContents } from './web-contents-guard';
import { MainWindowSlot, openMainWindow } from './window';

/** The parts of the `electron` module the shell uses; tests pass a fake. */
export type ShellElectron = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'clipboard'
  | 'ipcMain'
  | 'nativeTheme'
  | 'protocol'
  | 'session'
  | 'shell'
>;

export interface ShellLog {
  error(message: string): void;
  warn(message: string): void;
}

export interface ShellConfig {
  readonly location: RendererLocation;
  readonly preloadPath: string;
  readonly platform: NodeJS.Platform;
  readonly fetch: Fetch;
  readonly log: ShellLog;
  /** Opens the metadata store, the vault's folder and the keychain; called once the app is ready. */
  readonly openStorage: () => Promise<CoreStorage>;
}

export interface Shell {
  readonly core: Core;
  mainWindow(): Electron.BrowserWindow | null;
}

/**
 * The app's composition root: lifecycle, guards, the core and its adapters,
 * IPC, and the main window. Resolves with null when another instance already
 * runs, in which case this one quits and the other comes to the front.
 */
export async function startShell(
  electron: ShellElectron,
  config: ShellConfig,
): Promise<Shell | null> {
  const { app } = electron;
  // Privileges for app:// can be granted only before the app is ready.
  registerAppScheme(electron.protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();

  const rules = new NavigationRules(ownRendererPolicy(config.location));
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, rules, electron.shell, config.log);
  });

  const windows = new MainWindowSlot(() =>
    openMainWindow(electron, config.preloadPath, config.location, config.log),
  );
  const mainContents = (): Electron.WebContents | null => windows.current()?.webContents ?? null;

  app.on('second-instance', () => {
    windows.reveal();
  });
  app.on('activate', () => {
    windows.reveal();
  });
  // Closing the last window quits, except on macOS where apps stay in the
  // dock. The tray (a later issue) will keep the app running everywhere.
  app.on('window-all-closed', () => {
    if (config.platform !== 'darwin') app.quit();
  });

  await app.whenReady();

  const { location } = config;
  if (location.kind === 'app-protocol') {
    // On the default session only, the main window's: sign-in windows have
    // sessions of their own, so a registry's page can never load app:// URLs.
    electron.protocol.handle(
      APP_SCHEME,
      appProtocolHandler(location.root, CONTENT_SECURITY_POLICY, config.log),
    );
  }
  const { defaultSession } = electron.session;
  enforceContentSecurityPolicy(
    defaultSession,
    location.kind === 'dev-server' ? DEV_SERVER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
  );
  denyAllPermissions(defaultSession);

  const core = await createCore({
    ...(await config.openStorage()),
    fetch: config.fetch,
    clock: systemClock,
    signInWindow: new ElectronSignInWindow({
      BrowserWindow: electron.BrowserWindow,
      sessions: electron.session,
      rules,
      fetch: config.fetch,
    }),
    events: mainWindowEventSink(mainContents, config.log),
    clipboard: electron.clipboard,
  });
  clearCopiedSecretBeforeQuit(app, core);
  registerIpcHandlers(
    electron.ipcMain,
    core.handlers,
    ownRendererSenderCheck(mainContents, config.location),
    config.log,
  );

  windows.allowCreation();
  windows.reveal();
  return { core, mainWindow: () => windows.current() };
}

/**
 * A secret copied moments before quitting would otherwise stay on the
 * clipboard with nobody left to clear it: quitting waits for that check once.
 */
function clearCopiedSecretBeforeQuit(app: Electron.App, core: Core): void {
  app.on('will-quit', (event) => {
    if (!core.secretClipboard.holdsSecret()) return;
    event.preventDefault();
    void core.secretClipboard.clearIfOurs().finally(() => {
      app.quit();
    });
  });
}
