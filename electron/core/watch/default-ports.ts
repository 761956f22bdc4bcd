import { performance } from 'node:perf_hooks';
import type { EventSink } from '../ports';
import type {
  LoginItemPort,
  MonotonicClock,
  NotifierPort,
  PowerEventsPort,
  Timers,
  TrayPort,
  WindowPort,
} from '../watch-ports';

/**
 * What the core uses for a desktop port nobody gave it (unit tests, the
 * harness before it records them): nothing shown, nothing set, navigation
 * sent to the renderer as an `app:navigate` event, real timers.
 */
export const noTray: TrayPort = { show: () => undefined, destroy: () => undefined };

export const noNotifier: NotifierPort = { show: () => Promise.resolve(false) };

export const noPowerEvents: PowerEventsPort = { onWake: () => () => undefined };

export const noLoginItem: LoginItemPort = {
  supported: false,
  set: () => Promise.reject(new Error('Start at login is not available here.')),
};

/** The window is the page itself: going somewhere is an event to it; quitting does nothing. */
export function eventWindow(events: EventSink): WindowPort {
  return {
    open: (navigation) => {
      events.emit('app:navigate', navigation ?? { to: 'tokens' });
    },
    quit: () => undefined,
  };
}

export const performanceClock: MonotonicClock = { nowMs: () => performance.now() };

/** Node's timers, unref'd: the watch alone must never keep a process alive. */
export const nodeTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
