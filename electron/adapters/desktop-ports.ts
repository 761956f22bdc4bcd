import type * as Electron from 'electron';
import type { EventSink } from '../core/ports';
import type {
  LoginItemPort,
  NotifierPort,
  PowerEventsPort,
  Timers,
  TrayPort,
  WindowPort,
} from '../core/watch-ports';
import { ElectronNotifier } from './electron-notifier';
import { ElectronTray } from './electron-tray';
import { createLoginItem } from './login-item';
import { MainWindowPort, type MainWindowHolder } from './main-window-port';
import { ElectronPowerEvents } from './power-events';
import { trayIconDir } from './tray-icons';

/** The parts of Electron the expiry watch's adapters use. */
export type DesktopElectron = Pick<
  typeof Electron,
  'app' | 'Menu' | 'nativeImage' | 'nativeTheme' | 'Notification' | 'powerMonitor' | 'Tray'
>;

export interface DesktopEnvironment {
  readonly platform: NodeJS.Platform;
  readonly execPath: string;
  readonly env: NodeJS.ProcessEnv;
  /** `process.resourcesPath`, where the packaged app's tray icons are. */
  readonly resourcesPath: string;
  readonly log: { warn(message: string): void };
}

export interface DesktopPorts {
  readonly tray: TrayPort;
  readonly notifier: NotifierPort;
  readonly powerEvents: PowerEventsPort;
  readonly loginItem: LoginItemPort;
  readonly window: WindowPort;
}

/** Node's timers behind the port (the handle is whatever setTimeout returned). */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * The expiry watch's desktop ports, built with Electron once the app is
 * ready (powerMonitor and Tray need that).
 */
export function createDesktopPorts(
  electron: DesktopElectron,
  windows: MainWindowHolder,
  events: EventSink,
  environment: DesktopEnvironment,
): DesktopPorts {
  const { app } = electron;
  const { platform, log } = environment;
  const window = new MainWindowPort(windows, events, () => {
    app.quit();
  });
  return {
    window,
    tray: new ElectronTray(electron, {
      platform,
      iconDir: trayIconDir({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: environment.resourcesPath,
      }),
      onActivate: () => {
        window.open();
      },
      log,
    }),
    notifier: new ElectronNotifier(electron, { platform, timers: systemTimers, log }),
    powerEvents: new ElectronPowerEvents(electron.powerMonitor),
    loginItem: createLoginItem(app, {
      platform,
      isPackaged: app.isPackaged,
      execPath: environment.execPath,
      env: environment.env,
    }),
  };
}
