import { describe, expect, it, vi } from 'vitest';
import { callsInFlight } from './calls-in-flight';

function deferred() {
  let resolve!: () => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('callsInFlight', () => {
  it('runs a task at once when no call is in flight', () => {
    const task = vi.fn();
    callsInFlight().whenSettled(task);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits for every call, answered or failed, before running the task once', async () => {
    const calls = callsInFlight();
    const first = deferred();
    const second = deferred();
    void calls.track(first.promise);
    calls.track(second.promise).catch(() => undefined);
    const task = vi.fn();
    calls.whenSettled(task);
    first.resolve();
    await first.promise;
    expect(task).not.toHaveBeenCalled();
    second.reject(new Error('offline'));
    await second.promise.catch(() => undefined);
    expect(task).toHaveBeenCalledTimes(1);
    const later = deferred();
    void calls.track(later.promise);
    later.resolve();
    await later.promise;
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('passes the answer through and can be cancelled', async () => {
    const calls = callsInFlight();
    const pending = deferred();
    const tracked = calls.track(pending.promise.then(() => 'answer'));
    const task = vi.fn();
    const cancel = calls.whenSettled(task);
    cancel();
    pending.resolve();
    await expect(tracked).resolves.toBe('answer');
    expect(task).not.toHaveBeenCalled();
  });
});
