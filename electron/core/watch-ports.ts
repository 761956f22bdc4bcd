/**
 * What the expiry watch needs from the desktop, as small interfaces: Electron
 * adapters in the app (electron/adapters), recording ones in the harness and
 * tests. No Electron here.
 */
import type { Navigation, TrayState } from '../../shared/domain/attention';

/** One entry of the tray's menu, top to bottom; `separator` draws a line. */
export type TrayMenuEntry =
  | { readonly kind: 'item'; readonly label: string; readonly onClick: () => void }
  | { readonly kind: 'separator' };

/** What the tray shows: icon state, tooltip (with the counts), and the whole menu. */
export interface TrayView {
  readonly state: TrayState;
  readonly tooltip: string;
  /**
   * Tokens needing attention (each opens the app on it), then "Open
   * Cratekeeper", "Refresh now", "Settings", "Quit": always all four.
   */
  readonly menu: readonly TrayMenuEntry[];
}

export interface TrayPort {
  show(view: TrayView): void;
  /** Removes the icon (quitting, or keep-in-tray switched off). */
  destroy(): void;
}

/** A token named in a notification, and the threshold it crossed (`14d`…`1d`, `expired`). */
export interface NotifiedToken {
  readonly key: string;
  readonly name: string;
  readonly threshold: string;
}

export interface DesktopNotification {
  readonly title: string;
  readonly body: string;
  readonly tokens: readonly NotifiedToken[];
}

export interface NotifierPort {
  /**
   * Shows it; `onClick` runs when the user clicks it. Resolves false when the
   * OS refused it (unsigned macOS build: the banner and tray must do).
   */
  show(notification: DesktopNotification, onClick: () => void): Promise<boolean>;
}

/** Resume from sleep and unlock-screen (Electron's powerMonitor; unreliable on Linux). */
export interface PowerEventsPort {
  onWake(listener: () => void): () => void;
}

/** Start at login: setLoginItemSettings on macOS/Windows, an XDG autostart file on Linux. */
export interface LoginItemPort {
  readonly supported: boolean;
  set(openAtLogin: boolean): Promise<void>;
}

/** The window, seen from the core: open (restore from the tray) and go somewhere. */
export interface WindowPort {
  open(navigation?: Navigation): void;
  /** Quit the app for real (tray "Quit"). */
  quit(): void;
}

/** Monotonic milliseconds (performance.now), to tell a wall-clock jump from time passing. */
export interface MonotonicClock {
  nowMs(): number;
}

/** Timers, injectable so tests run 30 days in milliseconds. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
