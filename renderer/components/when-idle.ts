import { CALLS_IN_FLIGHT } from '../api/calls-in-flight';

/**
 * Runs `task` once the page has loaded, no call to the core is in flight and
 * the main thread has nothing else to do, so work that is only needed later
 * (preloading code) never delays the first screen: at boot, not before the
 * token list has arrived and been drawn. Answers a function that cancels it.
 */
export function whenIdle(task: () => void): () => void {
  let cancelled = false;
  const cancels: (() => void)[] = [];
  const idle = (next: () => void) => {
    const handle = requestIdleCallback(next);
    cancels.push(() => {
      cancelIdleCallback(handle);
    });
  };
  const schedule = () => {
    idle(() => {
      // A call may have started since (the list asked again): wait for it, then for idle again.
      cancels.push(
        CALLS_IN_FLIGHT.whenSettled(() => {
          // The answer that settled them is drawn first: only then is the page idle.
          cancels.push(
            afterNextPaint(() => {
              idle(() => {
                if (!cancelled) task();
              });
            }),
          );
        }),
      );
    });
  };
  if (document.readyState === 'complete') {
    schedule();
  } else {
    window.addEventListener('load', schedule, { once: true });
  }
  return () => {
    cancelled = true;
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
