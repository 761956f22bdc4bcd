import type { BrowserWindow } from 'electron';
import type { Navigation } from '../../shared/domain/attention';
import type { EventSink } from '../core/ports';
import type { WindowPort } from '../core/watch-ports';

/** The one main window as the shell holds it (MainWindowSlot). */
export interface MainWindowHolder {
  current(): Pick<BrowserWindow, 'webContents'> | null;
  /** Restores, shows and focuses it, or opens a new one. */
  reveal(): void;
}

/**
 * The window as the core sees it: a notification or tray item was clicked, so
 * bring the window up (from the tray if need be) and tell the page where to
 * go with the `app:navigate` event. A window opened just now gets the event
 * once its page has loaded; sent earlier, it would reach no listener.
 */
export class MainWindowPort implements WindowPort {
  constructor(
    private readonly windows: MainWindowHolder,
    private readonly events: EventSink,
    private readonly quitApp: () => void,
  ) {}

  open(navigation?: Navigation): void {
    const wasOpen = this.windows.current() !== null;
    this.windows.reveal();
    if (!navigation) return;
    const contents = this.windows.current()?.webContents;
    if (!contents) return;
    const navigate = (): void => {
      this.events.emit('app:navigate', navigation);
    };
    if (wasOpen && !contents.isLoading()) navigate();
    else contents.once('did-finish-load', navigate);
  }

  quit(): void {
    this.quitApp();
  }
}
