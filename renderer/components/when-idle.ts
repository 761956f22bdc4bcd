import { CALLS_IN_FLIGHT } from '../api/calls-in-flight';

export interface WhenIdleOptions {
  /**
   * Run by then at the latest, even while calls are in flight (then still in
   * an idle moment, waiting at most `maxIdleMs`): for work the user would miss.
   */
  readonly maxWaitMs?: number;
  readonly maxIdleMs?: number;
}

/**
 * Runs `task` once the page has loaded, no call to the core is in flight and
 * the main thread has nothing else to do, so work that is only needed later
 * (preloading code) never delays the first screen: at boot, not before the
 * token list has arrived and been drawn. Answers a function that cancels it.
 */
export function whenIdle(task: () => void, options: WhenIdleOptions = {}): () => void {
  const { maxWaitMs, maxIdleMs } = options;
  const cancels: (() => void)[] = [];
  const idle = (next: () => void, timeout?: number) => {
    const handle = requestIdleCallback(next, timeout === undefined ? undefined : { timeout });
    cancels.push(() => {
      cancelIdleCallback(handle);
    });
  };
  // The settled path and the deadline race: whichever comes first runs the task.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    idle(task, maxIdleMs);
  };
  const schedule = () => {
    idle(() => {
      // A call may have started since (the list asked again): wait for it, then for idle again.
      cancels.push(
        CALLS_IN_FLIGHT.whenSettled(() => {
          // The answer that settled them is drawn first: only then is the page idle.
          cancels.push(afterNextPaint(start));
        }),
      );
    });
  };
  if (maxWaitMs !== undefined) {
    const deadline = window.setTimeout(start, maxWaitMs);
    cancels.push(() => {
      window.clearTimeout(deadline);
    });
  }
  if (document.readyState === 'complete') {
    schedule();
  } else {
    window.addEventListener('load', schedule, { once: true });
  }
  return () => {
    started = true;
    window.removeEventListener('load', schedule);
    for (const cancel of cancels) cancel();
  };
}

/**
 * Runs `task` in a task of its own after the next frame is painted: an
 * answer that just arrived is on screen by then. Answers a function that
 * cancels it.
 */
export function afterNextPaint(task: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    // A frame callback runs before that frame's paint; a message posted from it runs after.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) task();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
