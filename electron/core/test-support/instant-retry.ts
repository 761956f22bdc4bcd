import type { ReadRetryPolicy } from '../read-retry';

/** The default retry rules without real waiting; every pause asked for is pushed to `slept`. */
export function instantRetry(
  slept: number[] = [],
  overrides: Partial<ReadRetryPolicy> = {},
): ReadRetryPolicy {
  return {
    maxAttempts: 4,
    baseDelayMs: 100,
    maxTotalWaitMs: 10_000,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    now: () => Date.now(),
    ...overrides,
  };
}
