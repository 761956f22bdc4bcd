import { homedir } from 'node:os';
import type * as Electron from 'electron';
import { windowsAppUserModelId } from './adapters/app-user-model-id';
import { createDesktopPorts, type DesktopElectron } from './adapters/desktop-ports';
import { HIDDEN_ARG, launchedAtLogin } from './adapters/login-item';
import { ElectronSignInWindow } from './adapters/sign-in-window';
import { appProtocolHandler } from './app-protocol';
import { APP_SCHEME, registerAppScheme } from './app-scheme';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
} from './content-security-policy';
import { loginShellCargoHome } from './core/cargo/cargo-home';
import { createCore, type Core, type CoreStorage } from './core/core';
import { packagedProviderPath } from './core/provider/provider-executable';
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
export type ShellElectron = DesktopElectron &
  Pick<
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
  /** process.argv: `--hidden` means the login item started us (stay in the tray). */
  readonly argv: readonly string[];
  readonly execPath: string;
  readonly env: NodeJS.ProcessEnv;
  /** process.resourcesPath: the packaged app's extra resources (tray icons). */
  readonly resourcesPath: string;
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
  if (config.platform === 'win32') {
    // Before any notification: Windows shows toasts only for the ID the Start-menu shortcut has.
    app.setAppUserModelId(
      windowsAppUserModelId({ isPackaged: app.isPackaged, execPath: config.execPath }),
    );
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

  // A second launch brings this one's window forward; a second login-item
  // launch (`--hidden`) has nothing to show.
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(HIDDEN_ARG)) windows.reveal();
  });
  app.on('activate', () => {
    windows.reveal();
  });
  let core: Core | null = null;
  // Closing the last window leaves the app in the tray when the setting says
  // so (default on for macOS and Windows), and otherwise quits, except on
  // macOS where apps stay in the dock.
  app.on('window-all-closed', () => {
    if (core?.watch.keepInTray()) return;
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

  const events = mainWindowEventSink(mainContents, config.log);
  const desktop = createDesktopPorts(electron, windows, events, {
    platform: config.platform,
    execPath: config.execPath,
    env: config.env,
    resourcesPath: config.resourcesPath,
    log: config.log,
  });
  core = await createCore({
    ...(await config.openStorage()),
    ...desktop,
    platform: config.platform,
    fetch: config.fetch,
    clock: systemClock,
    signInWindow: new ElectronSignInWindow({
      BrowserWindow: electron.BrowserWindow,
      sessions: electron.session,
      rules,
      fetch: config.fetch,
    }),
    events,
    clipboard: electron.clipboard,
    // Installed: the provider's single executable among the resources; a checkout: its launcher.
    ...(app.isPackaged
      ? { providerExecutable: packagedProviderPath(config.resourcesPath, config.platform) }
      : {}),
    // The user's cargo: CARGO_HOME from the app's environment or a login shell, else ~/.cargo.
    cargo: {
      env: config.env,
      homeDir: homedir(),
      loginShellCargoHome: loginShellCargoHome(config.env, config.platform),
    },
  });
  clearCopiedSecretBeforeQuit(app, core);
  stopWatchOnQuit(app, core);
  stopProviderOnQuit(app, core);
  registerIpcHandlers(
    electron.ipcMain,
    core.handlers,
    ownRendererSenderCheck(mainContents, config.location),
    config.log,
  );

  windows.allowCreation();
  core.watch.start();
  // cargo asks the app over its socket; the app runs on without it if it cannot listen.
  core.provider.start().catch((error: unknown) => {
    config.log.warn(
      `cargo provider: could not listen: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  if (config.platform === 'win32') {
    // A toast clicked in the Action Center, after a restart or once its object
    // is gone, reaches no click handler; this at least brings the window up.
    electron.Notification.handleActivation(() => {
      desktop.window.open();
    });
  }
  // Started by the login item: stay in the tray, unless the tray is off (then
  // the window is the only way to see the app).
  const startHidden = launchedAtLogin(app, config.platform, config.argv) && core.watch.keepInTray();
  if (!startHidden) windows.reveal();
  return { core, mainWindow: () => windows.current() };
}

/** Timers and listeners off and the tray icon gone before the app exits. */
function stopWatchOnQuit(app: Electron.App, core: Core): void {
  app.once('will-quit', () => {
    core.watch.stop();
  });
}

/** The provider's socket and run file go as the app exits (cargo then says "Start Cratekeeper"). */
function stopProviderOnQuit(app: Electron.App, core: Core): void {
  app.once('will-quit', () => {
    // stop() removes the files before it first waits: nothing is left even if the process ends now.
    void core.provider.stop().catch(() => undefined);
  });
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
