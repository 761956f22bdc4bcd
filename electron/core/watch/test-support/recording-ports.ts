import type { Navigation, TrayState } from '../../../../shared/domain/attention';
import type { Clock } from '../../ports';
import type {
  DesktopNotification,
  NotifierPort,
  TrayPort,
  TrayView,
  WindowPort,
} from '../../watch-ports';

export interface ShownNotification extends DesktopNotification {
  readonly shownAt: string;
  readonly click: () => void;
}

/** Keeps every notification shown, with when (by the given clock) and its click. */
export class RecordingNotifier implements NotifierPort {
  readonly shown: ShownNotification[] = [];
  constructor(private readonly clock: Clock) {}

  show(notification: DesktopNotification, onClick: () => void): Promise<boolean> {
    this.shown.push({ ...notification, shownAt: this.clock.now().toISOString(), click: onClick });
    return Promise.resolve(true);
  }
}

/** Keeps the last view shown and each change of state, with when. */
export class RecordingTray implements TrayPort {
  view: TrayView | null = null;
  destroyed = false;
  readonly states: { at: string; state: TrayState }[] = [];
  constructor(private readonly clock: Clock) {}

  show(view: TrayView): void {
    this.view = view;
    this.destroyed = false;
    if (this.states.at(-1)?.state !== view.state) {
      this.states.push({ at: this.clock.now().toISOString(), state: view.state });
    }
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** The menu's labels, top to bottom, without separators. */
  labels(): string[] {
    return (this.view?.menu ?? []).flatMap((entry) => (entry.kind === 'item' ? [entry.label] : []));
  }
}

export class RecordingWindow implements WindowPort {
  readonly opened: (Navigation | undefined)[] = [];
  quits = 0;
  open(navigation?: Navigation): void {
    this.opened.push(navigation);
  }
  quit(): void {
    this.quits += 1;
  }
}
