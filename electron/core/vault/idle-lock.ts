import type { Clock } from '../ports';

/** Schedules one callback; returns a function that cancels it. */
export interface IdleTimers {
  set(callback: () => void, ms: number): () => void;
}

export const systemIdleTimers: IdleTimers = {
  set(callback, ms) {
    const timer = setTimeout(callback, ms);
    // An armed idle lock must not keep the process (or a test run) alive.
    timer.unref();
    return () => {
      clearTimeout(timer);
    };
  },
};

/** setTimeout fires at once for delays above 2^31-1 ms; re-arm in steps instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onIdle` once `idleMs` pass without `touch()`.
 *
 * Two mechanisms, because either alone leaves a gap: the timer wipes the key
 * even if nothing else happens, and `expired()` checks the wall clock at each
 * use, because timers run on a monotonic clock that stops while a laptop
 * sleeps: a vault unlocked before an eight-hour sleep must not answer after it.
 */
export class IdleLock {
  private lastUse: number;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly onIdle: () => void,
    private idleMs: number | null,
    private readonly clock: Clock,
    private readonly timers: IdleTimers,
  ) {
    this.lastUse = clock.now().getTime();
  }

  /** Records a use and re-arms the timer. */
  touch(): void {
    this.lastUse = this.clock.now().getTime();
    this.arm(this.idleMs);
  }

  /** True when the wall clock says the idle time has passed since the last use. */
  expired(): boolean {
    return this.idleMs !== null && this.clock.now().getTime() - this.lastUse >= this.idleMs;
  }

  /** null: never lock for idleness. Takes effect from the last use. */
  setIdleMs(idleMs: number | null): void {
    if (idleMs !== null && !(idleMs > 0)) throw new RangeError('idle time must be positive');
    this.idleMs = idleMs;
    if (this.cancel) this.arm(idleMs === null ? null : idleMs - this.elapsed());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private elapsed(): number {
    return this.clock.now().getTime() - this.lastUse;
  }

  private arm(ms: number | null): void {
    this.stop();
    if (ms === null) return;
    if (ms <= 0) {
      this.onIdle();
      return;
    }
    const step = Math.min(ms, MAX_TIMER_MS);
    this.cancel = this.timers.set(() => {
      this.cancel = null;
      if (step < ms) this.arm(ms - step);
      else this.onIdle();
    }, step);
  }
}
