/**
 * Runs `task` once the page has loaded and the main thread has nothing else
 * to do, so work that is only needed later (preloading code) never delays the
 * first screen. Answers a function that cancels it.
 */
export function whenIdle(task: () => void): () => void {
  let handle: number | null = null;
  const schedule = () => {
    handle = requestIdleCallback(() => {
      handle = null;
      task();
    });
  };
  if (document.readyState === 'complete') {
    schedule();
  } else {
    window.addEventListener('load', schedule, { once: true });
  }
  return () => {
    window.removeEventListener('load', schedule);
    if (handle !== null) cancelIdleCallback(handle);
  };
}
