import { CALLS_IN_FLIGHT } from '../api/calls-in-flight';

/**
 * Runs `task` once the page has loaded, no call to the core is in flight and
 * the main thread has nothing else to do, so work that is only needed later
 * (preloading code) never delays the first screen: at boot, not before the
 * token list has arrived and been drawn. Answers a function that cancels it.
 */
export function whenIdle(task: () => void): () => void {
  let cancelWait: (() => void) | null = null;
  let handle: number | null = null;
  const onIdle = () => {
    handle = null;
    // A call may have started since (the list asked again): wait for it, then for idle again.
    cancelWait = CALLS_IN_FLIGHT.whenSettled(() => {
      cancelWait = null;
      handle = requestIdleCallback(() => {
        handle = null;
        task();
      });
    });
  };
  const schedule = () => {
    handle = requestIdleCallback(onIdle);
  };
  if (document.readyState === 'complete') {
    schedule();
  } else {
    window.addEventListener('load', schedule, { once: true });
  }
  return () => {
    window.removeEventListener('load', schedule);
    cancelWait?.();
    if (handle !== null) cancelIdleCallback(handle);
  };
}
