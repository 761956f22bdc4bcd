/**
 * PRODUCT.md, quality bars: "retry reads with backoff; honour 429 and
 * Retry-After". Only reads come through here: a token creation is never
 * retried (it is not idempotent), and neither is anything else that changes
 * state on the registry.
 */
export interface ReadRetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /** Wait before the second try when the registry gives no Retry-After; doubles each time. */
  readonly baseDelayMs: number;
  /**
   * Never wait longer than this in total for one read: a user is looking at a
   * spinner. A Retry-After that would overshoot it is not waited for at all;
   * the registry's answer (429 or 503) is passed on instead.
   */
  readonly maxTotalWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Epoch milliseconds, for a Retry-After given as an HTTP date. */
  readonly now: () => number;
}

export const DEFAULT_READ_RETRY: ReadRetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxTotalWaitMs: 10_000,
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  now: () => Date.now(),
};

/** Statuses worth asking again for: rate limiting and server trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null if absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** What a retry decision reads from an answer; a body still streaming is drained when dropped. */
export interface RetryableAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body?: { cancel(): Promise<void> } | null;
}

/**
 * Sends a read, again after a pause when the registry could not be reached or
 * answered 429/5xx. The last answer (or the last network error) is what the
 * caller gets when the tries or the time budget run out.
 *
 * An error `isRetryableError` rejects is passed on at once. The registry
 * client uses that for time limits and size caps: a registry that already
 * kept the user waiting 15 s would, asked again, keep them waiting that long
 * once more, and an answer too large is as large the next time.
 */
export async function retryRead<A extends RetryableAnswer>(
  policy: ReadRetryPolicy,
  send: () => Promise<A>,
  isRetryableError: (error: unknown) => boolean = () => true,
): Promise<A> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    let response: A | null = null;
    let networkError: unknown = null;
    try {
      response = await send();
    } catch (error) {
      if (!isRetryableError(error)) throw error;
      networkError = error;
    }
    if (response !== null && !isRetryableStatus(response.status)) return response;
    const asked =
      response === null ? null : retryAfterMs(response.headers.get('Retry-After'), policy.now());
    const delay = asked ?? policy.baseDelayMs * 2 ** (attempt - 1);
    if (attempt >= policy.maxAttempts || waitedMs + delay > policy.maxTotalWaitMs) {
      if (response !== null) return response;
      throw networkError;
    }
    // The discarded answer's body must be drained or the connection stays busy.
    await response?.body?.cancel();
    await policy.sleep(delay);
    waitedMs += delay;
  }
}
