import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../ports';
import { IdleLock, type IdleTimers } from './idle-lock';

/** Timers driven by hand, with the clock they share. */
function manualTime() {
  let now = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let nextId = 0;
  const clock: Clock = { now: () => new Date(now) };
  const timers: IdleTimers = {
    set(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return () => pending.delete(id);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= now && pending.delete(id)) timer.callback();
    }
  };
  return { clock, timers, advance, pending };
}

describe('IdleLock', () => {
  it('does nothing until first touched, then fires once after the idle time', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    const lock = new IdleLock(onIdle, 1000, time.clock, time.timers);
    time.advance(5000);
    expect(onIdle).not.toHaveBeenCalled();
    lock.touch();
    time.advance(999);
    expect(onIdle).not.toHaveBeenCalled();
    time.advance(1);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('re-arms in steps for idle times beyond what setTimeout can hold', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    const month = 30 * 24 * 60 * 60 * 1000;
    const lock = new IdleLock(onIdle, month, time.clock, time.timers);
    lock.touch();
    expect([...time.pending.values()][0]?.at).toBe(2 ** 31 - 1);
    time.advance(2 ** 31 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    time.advance(month - (2 ** 31 - 1));
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('reports expiry by the wall clock even when no timer fired', () => {
    const time = manualTime();
    const lock = new IdleLock(vi.fn(), 1000, time.clock, time.timers);
    lock.touch();
    lock.stop();
    expect(lock.expired()).toBe(false);
    time.advance(1000);
    expect(lock.expired()).toBe(true);
  });

  it('fires at once when a shorter setting has already passed, and refuses nonsense', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    const lock = new IdleLock(onIdle, 10_000, time.clock, time.timers);
    lock.touch();
    time.advance(5000);
    lock.setIdleMs(3000);
    expect(onIdle).toHaveBeenCalledOnce();
    expect(() => {
      lock.setIdleMs(0);
    }).toThrow(RangeError);
  });
});
