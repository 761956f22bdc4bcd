/** One change to the simulator's clock; every part optional, applied as one step. */
export interface ClockChange {
  /** Move "now" here first. */
  readonly now?: Date;
  /** Then move it on by this much (negative goes back). */
  readonly advanceMs?: number;
  /** Then stop (true) or start (false) it; absent keeps it as it is. */
  readonly frozen?: boolean;
}

/**
 * The simulator's notion of "now". It follows real time with an offset, so a
 * test can jump ahead (tokens expire, sessions lapse) while the server keeps
 * ticking; it can also be frozen for exact assertions.
 *
 * Every change reads the real clock exactly once: a change made of several
 * steps that each read it again lets a millisecond slip in between them when
 * the machine is busy (a frozen clock then stops at `.001Z`).
 */
export class SimClock {
  private offsetMs = 0;
  private frozenAtMs: number | null = null;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.nowAt(this.realNow()));
  }

  /** Applies `now`, then `advanceMs`, then `frozen`, against one reading of real time. */
  apply(change: ClockChange): void {
    const real = this.realNow();
    const target = (change.now?.getTime() ?? this.nowAt(real)) + (change.advanceMs ?? 0);
    const frozen = change.frozen ?? this.frozenAtMs !== null;
    if (frozen) {
      this.frozenAtMs = target;
    } else {
      this.frozenAtMs = null;
      this.offsetMs = target - real;
    }
  }

  /** Moves "now" to `date`; a frozen clock stays frozen there. */
  set(date: Date): void {
    this.apply({ now: date });
  }

  advance(ms: number): void {
    this.apply({ advanceMs: ms });
  }

  freeze(): void {
    this.apply({ frozen: true });
  }

  unfreeze(): void {
    this.apply({ frozen: false });
  }

  /** Back to the real time, running. */
  reset(): void {
    this.offsetMs = 0;
    this.frozenAtMs = null;
  }

  describe(): { now: string; frozen: boolean; offset_ms: number } {
    const real = this.realNow();
    const now = this.nowAt(real);
    return {
      now: new Date(now).toISOString(),
      frozen: this.frozenAtMs !== null,
      offset_ms: now - real,
    };
  }

  private nowAt(realMs: number): number {
    return this.frozenAtMs ?? realMs + this.offsetMs;
  }
}
