import type { Clock } from '../../ports';
import type { MonotonicClock, PowerEventsPort, Timers } from '../../watch-ports';

/** Node turns a longer delay into 1 ms; a fake that allows it would hide the bug. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface PendingTimer {
  readonly id: number;
  readonly dueMono: number;
  readonly callback: () => void;
}

/**
 * A wall clock, a monotonic clock, timers and power events under a test's
 * control: time passing moves both clocks and fires timers in order; a sleep
 * moves only the wall clock (as suspend does) and fires nothing; a jump
 * moves only the wall clock (set by hand, NTP).
 */
export class FakeTime {
  private wallMs: number;
  private monoMs = 1_000_000;
  private nextId = 1;
  private pending: PendingTimer[] = [];
  private readonly wakeListeners = new Set<() => void>();
  /** Longest delay ever asked for, so tests can hold the scheduler to short timers. */
  longestDelayMs = 0;

  /** Awaited after every timer and event, so the watch's async work finishes in between. */
  settle: () => Promise<void> = () => Promise.resolve();

  constructor(start: Date) {
    this.wallMs = start.getTime();
  }

  readonly clock: Clock = { now: () => new Date(this.wallMs) };
  readonly monotonic: MonotonicClock = { nowMs: () => this.monoMs };
  readonly timers: Timers = {
    setTimeout: (callback, ms) => {
      if (!(ms >= 0 && ms <= MAX_TIMER_MS)) throw new RangeError(`Timer of ${ms} ms`);
      this.longestDelayMs = Math.max(this.longestDelayMs, ms);
      const id = this.nextId++;
      this.pending.push({ id, dueMono: this.monoMs + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      this.pending = this.pending.filter((timer) => timer.id !== handle);
    },
  };
  readonly powerEvents: PowerEventsPort = {
    onWake: (listener) => {
      this.wakeListeners.add(listener);
      return () => this.wakeListeners.delete(listener);
    },
  };

  now(): Date {
    return new Date(this.wallMs);
  }

  pendingTimers(): number {
    return this.pending.length;
  }

  /** Time passes awake until the wall clock reads `until`, firing every timer due on the way. */
  async runUntil(until: Date): Promise<void> {
    await this.advance(until.getTime() - this.wallMs);
  }

  async advance(ms: number): Promise<void> {
    const target = this.monoMs + ms;
    for (;;) {
      const next = this.pending.reduce<PendingTimer | null>(
        (soonest, timer) => (soonest === null || timer.dueMono < soonest.dueMono ? timer : soonest),
        null,
      );
      if (next === null || next.dueMono > target) break;
      this.wallMs += next.dueMono - this.monoMs;
      this.monoMs = next.dueMono;
      this.pending = this.pending.filter((timer) => timer !== next);
      next.callback();
      await this.settle();
    }
    this.wallMs += target - this.monoMs;
    this.monoMs = target;
  }

  /** The machine sleeps: the wall clock moves on, the monotonic clock and the timers do not. */
  sleep(ms: number): void {
    this.wallMs += ms;
  }

  /** The OS reports resume (powerMonitor); Linux often never does. */
  async wake(): Promise<void> {
    for (const listener of this.wakeListeners) listener();
    await this.settle();
  }

  /** Someone sets the wall clock (or NTP does): forward or back. */
  jump(ms: number): void {
    this.wallMs += ms;
  }
}
