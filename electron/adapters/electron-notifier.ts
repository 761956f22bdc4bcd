import type { Notification, NotificationConstructorOptions } from 'electron';
import type { DesktopNotification, NotifierPort, Timers } from '../core/watch-ports';

/** What the notifier takes from Electron: the Notification class. */
export interface NotifierElectron {
  readonly Notification: {
    new (options: NotificationConstructorOptions): Notification;
    isSupported(): boolean;
  };
}

export interface NotifierOptions {
  readonly platform: NodeJS.Platform;
  readonly timers: Timers;
  readonly log: { warn(message: string): void };
  /**
   * How long to wait for `show` or `failed` before taking silence as shown
   * (some Linux notification daemons never confirm); Mattermost waits 10 s.
   */
  readonly confirmWithinMs?: number;
}

const DEFAULT_CONFIRM_MS = 10_000;
const EXPIRY_GROUP = 'expiry-warnings';

/**
 * OS notifications through Electron's Notification. Each one shown is held
 * here until it is clicked, closed or fails: Windows drops the click of a
 * notification whose object was garbage-collected (electron#20415). Resolves
 * false when the OS refused it, which is what an unsigned macOS build gets
 * (`failed`, Electron 42 and later), so the core falls back on the banner and
 * the tray. No action buttons anywhere: Linux has none (electron#24333) and the
 * body's click already does the one thing a button would.
 */
export class ElectronNotifier implements NotifierPort {
  private readonly live = new Set<Notification>();

  constructor(
    private readonly electron: NotifierElectron,
    private readonly options: NotifierOptions,
  ) {}

  /** Notifications shown and not yet clicked, closed or failed. */
  get liveCount(): number {
    return this.live.size;
  }

  show(notification: DesktopNotification, onClick: () => void): Promise<boolean> {
    const { Notification } = this.electron;
    if (!Notification.isSupported()) return Promise.resolve(false);
    const shown = new Notification(this.optionsFor(notification));
    this.live.add(shown);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (result: boolean): void => {
        if (settled) return;
        settled = true;
        this.options.timers.clearTimeout(timer);
        resolve(result);
      };
      const release = (): void => {
        this.live.delete(shown);
      };
      const timer = this.options.timers.setTimeout(() => {
        settle(true);
      }, this.options.confirmWithinMs ?? DEFAULT_CONFIRM_MS);
      shown.on('show', () => {
        settle(true);
      });
      shown.on('failed', (_event, error) => {
        // The error text says why (unsigned app, notifications turned off); it holds no token data.
        this.options.log.warn(`A notification was not shown: ${error}`);
        release();
        settle(false);
      });
      shown.on('click', () => {
        release();
        settle(true);
        onClick();
      });
      shown.on('close', () => {
        release();
      });
      shown.show();
    });
  }

  private optionsFor(notification: DesktopNotification): NotificationConstructorOptions {
    return {
      title: notification.title,
      body: notification.body,
      // Keeps the warnings together in Notification Center and Action Center (not on Linux).
      ...(this.options.platform === 'linux' ? {} : { groupId: EXPIRY_GROUP }),
    };
  }
}
