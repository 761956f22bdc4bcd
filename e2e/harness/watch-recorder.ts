import type { TrayState } from '../../shared/domain/attention';
import type { Clock } from '../../electron/core/ports';
import type {
  DesktopNotification,
  NotifiedToken,
  NotifierPort,
  TrayPort,
  TrayView,
} from '../../electron/core/watch-ports';

/** A notification as `GET /__harness/notifications` answers it. */
export interface RecordedNotification {
  readonly title: string;
  readonly body: string;
  readonly shownAt: string;
  readonly tokens: readonly NotifiedToken[];
}

/** The tray as `GET /__harness/tray` answers it: the menu as its labels, top to bottom. */
export interface RecordedTray {
  readonly state: TrayState;
  readonly tooltip: string;
  readonly menu: readonly string[];
}

/**
 * The harness's tray and notifier: they show nothing, and keep what the core
 * showed (every notification since start, oldest first, with its click; the
 * tray's last view) for the `/__harness` endpoints.
 */
export class WatchRecorder {
  private readonly shown: { notification: RecordedNotification; click: () => void }[] = [];
  private view: TrayView | null = null;

  constructor(private readonly clock: Clock) {}

  readonly notifier: NotifierPort = {
    show: (notification: DesktopNotification, onClick: () => void) => {
      this.shown.push({
        notification: {
          title: notification.title,
          body: notification.body,
          shownAt: this.clock.now().toISOString(),
          tokens: notification.tokens.map(({ key, name, threshold }) => ({ key, name, threshold })),
        },
        click: onClick,
      });
      return Promise.resolve(true);
    },
  };

  readonly tray: TrayPort = {
    show: (view) => {
      this.view = view;
    },
    destroy: () => {
      // The last view stays readable: the harness has no icon to take away.
    },
  };

  notifications(): RecordedNotification[] {
    return this.shown.map((entry) => entry.notification);
  }

  /** Clicks notification `index` (oldest first); false when there is none. */
  click(index: number): boolean {
    const entry = this.shown[index];
    if (!entry) return false;
    entry.click();
    return true;
  }

  trayView(): RecordedTray | null {
    if (!this.view) return null;
    return {
      state: this.view.state,
      tooltip: this.view.tooltip,
      menu: this.view.menu.flatMap((entry) => (entry.kind === 'item' ? [entry.label] : [])),
    };
  }
}
