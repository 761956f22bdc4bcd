/**
 * Counts the contract calls in flight, so work that can wait (preloading the
 * code of pages and dialogs) starts only once the core has answered: at boot
 * that is after the token list arrived and its rows were drawn.
 */
export interface CallsInFlight {
  /** Counts `answer` as in flight until it settles; answers it unchanged. */
  readonly track: <T>(answer: Promise<T>) => Promise<T>;
  /** Runs `task` once no call is in flight (at once if none is); answers a cancel function. */
  readonly whenSettled: (task: () => void) => () => void;
}

export function callsInFlight(): CallsInFlight {
  let count = 0;
  const waiting = new Set<() => void>();
  const release = () => {
    count -= 1;
    if (count > 0) return;
    const tasks = [...waiting];
    waiting.clear();
    for (const task of tasks) task();
  };
  return {
    track: (answer) => {
      count += 1;
      answer.then(release, release);
      return answer;
    },
    whenSettled: (task) => {
      if (count === 0) {
        task();
        return () => undefined;
      }
      waiting.add(task);
      return () => {
        waiting.delete(task);
      };
    },
  };
}

/** The renderer's one counter: `invokeSafely` tracks every call with it. */
export const CALLS_IN_FLIGHT = callsInFlight();
