import type { Clock } from '../ports';
import type { MonotonicClock, PowerEventsPort, Timers } from '../watch-ports';

export const HOUR_MS = 60 * 60 * 1000;
/**
 * The longest any timer waits. Short, so that a wall clock that jumped (set
 * by hand, or the machine slept where powerMonitor says nothing, as on Linux)
 * is noticed within a minute; far below Node's 2^31-1 ms limit, past which a
 * delay silently becomes 1 ms.
 */
export const PROBE_MS = 60 * 1000;
/** A refresh that failed (or any refresh) is not tried again sooner than this. */
export const RETRY_MS = 15 * 60 * 1000;
/** Wall time drifting this far from monotonic time between two probes is a jump. */
export const JUMP_TOLERANCE_MS = 30 * 1000;

/** Why the scheduler ran. */
export type RunReason =
  | 'start'
  | 'due'
  | 'wake'
  | 'clock-jump-forward'
  | 'clock-jump-back'
  | 'asked'
  /** A refresh asked for (tray "Refresh now", the harness moving the clock). */
  | 'refresh';

/** Waking up (or a wall clock that leapt ahead: a sleep nobody announced) means the lists are old. */
const FORCES_REFRESH: ReadonlySet<RunReason> = new Set([
  'start',
  'wake',
  'clock-jump-forward',
  'refresh',
]);

export interface SchedulerWork {
  /** Re-evaluates every token; resolves with the next moment any state changes (null: none). */
  check(): Promise<Date | null>;
  /** Refreshes every account, then checks (never two at once); resolves as `check` does. */
  refresh(): Promise<Date | null>;
  /** The wall-clock time of the last refresh, or null. */
  lastRefreshAt(): Date | null;
  refreshIntervalMs(): number;
}

export interface SchedulerPorts {
  readonly clock: Clock;
  readonly monotonic: MonotonicClock;
  readonly timers: Timers;
  readonly powerEvents?: PowerEventsPort;
}

/**
 * Runs the watch on the wall clock: at least every hour, at the next moment a
 * token's state changes, when a refresh is due, at once on wake (resume,
 * unlock) and whenever the wall clock jumps against the monotonic clock. It
 * only ever sets timers of at most PROBE_MS, and compares the two clocks at
 * each, so the tick alone is enough where wake events never come.
 */
export class WatchScheduler {
  private timer: unknown = null;
  private running = false;
  private unsubscribeWake: (() => void) | null = null;
  /** Runs one at a time; `asked` while one is running queues one more after it. */
  private chain: Promise<void> = Promise.resolve();
  private lastCheckAt: number | null = null;
  /** Wall-clock time the last refresh was started, whether or not it worked. */
  private lastAttemptAt: number | null = null;
  private nextChangeAt: Date | null = null;
  /** Wall and monotonic readings when the timer was armed, to spot a jump. */
  private armedWall = 0;
  private armedMono = 0;

  constructor(
    private readonly ports: SchedulerPorts,
    private readonly work: SchedulerWork,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribeWake =
      this.ports.powerEvents?.onWake(() => {
        this.runUnattended('wake');
      }) ?? null;
    this.runUnattended('start');
  }

  stop(): void {
    this.running = false;
    this.unsubscribeWake?.();
    this.unsubscribeWake = null;
    this.disarm();
  }

  /** Runs now (settings changed, the harness moved the clock); resolves once it has acted. */
  run(reason: RunReason): Promise<void> {
    const next = this.chain.then(() => this.runOnce(reason));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** A run nobody waits for (timer, wake): its failure must not become an unhandled rejection. */
  private runUnattended(reason: RunReason): void {
    this.run(reason).catch(() => {
      // The work logs its own failures; the timer is armed again either way (finally in runOnce).
    });
  }

  /** Resolves once every run asked for so far is done. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async runOnce(reason: RunReason): Promise<void> {
    this.disarm();
    try {
      const now = this.ports.clock.now();
      // First what is known (a notification must not wait for the network), then a refresh if due.
      this.nextChangeAt = await this.work.check();
      this.lastCheckAt = now.getTime();
      if (this.refreshDue(reason, now)) {
        this.lastAttemptAt = now.getTime();
        this.nextChangeAt = await this.work.refresh();
      }
    } finally {
      this.arm();
    }
  }

  private refreshDue(reason: RunReason, now: Date): boolean {
    return FORCES_REFRESH.has(reason) || now.getTime() >= this.nextRefreshMs(now.getTime());
  }

  /**
   * When the next refresh is due: an interval after the last one (at once
   * when there was none, or when the clock went back past it), but never
   * sooner than RETRY_MS after the last attempt, so an unreachable registry
   * is not asked again and again.
   */
  private nextRefreshMs(now: number): number {
    const last = this.work.lastRefreshAt()?.getTime() ?? null;
    let next = last === null || last > now ? now : last + this.work.refreshIntervalMs();
    if (this.lastAttemptAt !== null && this.lastAttemptAt <= now) {
      next = Math.max(next, this.lastAttemptAt + RETRY_MS);
    }
    return next;
  }

  /** The next moment anything is due: a state change, a refresh, or the hourly tick. */
  private nextDueMs(): number {
    const now = this.ports.clock.now().getTime();
    const candidates = [(this.lastCheckAt ?? now) + HOUR_MS, this.nextRefreshMs(now)];
    if (this.nextChangeAt) candidates.push(this.nextChangeAt.getTime());
    return Math.min(...candidates);
  }

  private arm(): void {
    if (!this.running) return;
    this.disarm();
    this.armedWall = this.ports.clock.now().getTime();
    this.armedMono = this.ports.monotonic.nowMs();
    const delay = Math.min(PROBE_MS, Math.max(0, this.nextDueMs() - this.armedWall));
    this.timer = this.ports.timers.setTimeout(() => {
      this.timer = null;
      this.probe();
    }, delay);
  }

  private disarm(): void {
    if (this.timer !== null) this.ports.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private probe(): void {
    if (!this.running) return;
    const wall = this.ports.clock.now().getTime();
    const expected = this.armedWall + (this.ports.monotonic.nowMs() - this.armedMono);
    const drift = wall - expected;
    if (drift > JUMP_TOLERANCE_MS) this.runUnattended('clock-jump-forward');
    else if (drift < -JUMP_TOLERANCE_MS) this.runUnattended('clock-jump-back');
    else if (wall >= this.nextDueMs()) this.runUnattended('due');
    else this.arm();
  }
}
