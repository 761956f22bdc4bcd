import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryRead, type ReadRetryPolicy } from './read-retry';
import { instantRetry } from './test-support/instant-retry';

const NOW = Date.parse('2026-06-01T12:00:00Z');

function policy(overrides: Partial<ReadRetryPolicy> = {}): {
  policy: ReadRetryPolicy;
  slept: number[];
} {
  const slept: number[] = [];
  return { slept, policy: instantRetry(slept, { now: () => NOW, ...overrides }) };
}

/** Answers (or throws) from a script, one entry per try. */
function scripted(script: (Response | Error)[]): {
  send: () => Promise<Response>;
  tries: () => number;
} {
  let tries = 0;
  return {
    tries: () => tries,
    send: () => {
      const next = script[tries] ?? new Response('{}');
      tries += 1;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}

const status = (code: number, headers: Record<string, string> = {}): Response =>
  new Response('{"errors":[{"detail":"busy"}]}', { status: code, headers });

describe('retryRead', () => {
  it('retries network errors and 5xx with doubling backoff, then succeeds', async () => {
    const { policy: p, slept } = policy();
    const { send, tries } = scripted([new TypeError('fetch failed'), status(502), status(500)]);
    const response = await retryRead(p, send);
    expect(response.status).toBe(200);
    expect(tries()).toBe(4);
    expect(slept).toEqual([100, 200, 400]);
  });

  it('waits exactly what Retry-After asks, in seconds or as a date', async () => {
    const { policy: p, slept } = policy();
    const { send } = scripted([
      status(429, { 'Retry-After': '2' }),
      status(503, { 'Retry-After': new Date(NOW + 3000).toUTCString() }),
    ]);
    expect((await retryRead(p, send)).status).toBe(200);
    expect(slept).toEqual([2000, 3000]);
  });

  it('does not wait for a Retry-After beyond the budget: the 429 is passed on at once', async () => {
    const { policy: p, slept } = policy();
    const { send, tries } = scripted([status(429, { 'Retry-After': '30' })]);
    expect((await retryRead(p, send)).status).toBe(429);
    expect(tries()).toBe(1);
    expect(slept).toEqual([]);
  });

  it('caps the total wait across tries', async () => {
    const { policy: p, slept } = policy({ maxAttempts: 10 });
    const { send, tries } = scripted(
      Array.from({ length: 10 }, () => status(429, { 'Retry-After': '4' })),
    );
    expect((await retryRead(p, send)).status).toBe(429);
    expect(slept).toEqual([4000, 4000]);
    expect(tries()).toBe(3);
  });

  it('gives up after the last try with the last network error', async () => {
    const { policy: p } = policy({ maxAttempts: 2 });
    const { send, tries } = scripted([new TypeError('one'), new TypeError('two')]);
    await expect(retryRead(p, send)).rejects.toThrow('two');
    expect(tries()).toBe(2);
  });

  it('passes on at once an error the caller calls final, and still retries the others', async () => {
    const { policy: p, slept } = policy();
    const final = new RangeError('too slow');
    const isRetryable = (error: unknown): boolean => error !== final;
    const first = scripted([final]);
    await expect(retryRead(p, first.send, isRetryable)).rejects.toBe(final);
    expect(first.tries()).toBe(1);
    const second = scripted([new TypeError('fetch failed'), final]);
    await expect(retryRead(p, second.send, isRetryable)).rejects.toBe(final);
    expect(second.tries()).toBe(2);
    expect(slept).toEqual([100]);
  });

  it('never retries an ordinary refusal', async () => {
    const { policy: p, slept } = policy();
    for (const code of [400, 401, 403, 404]) {
      const { send, tries } = scripted([status(code)]);
      expect((await retryRead(p, send)).status).toBe(code);
      expect(tries()).toBe(1);
    }
    expect(slept).toEqual([]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and dates and ignores nonsense', () => {
    expect(retryAfterMs('5', NOW)).toBe(5000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
    expect(retryAfterMs(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(null, NOW)).toBeNull();
  });
});
