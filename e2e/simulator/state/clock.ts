/**
 * The simulator's notion of "now". It follows real time with an offset, so a
 * test can jump ahead (tokens expire, sessions lapse) while the server keeps
 * ticking; it can also be frozen for exact assertions.
 */
export class SimClock {
  private offsetMs = 0;
  private frozenAtMs: number | null = null;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.frozenAtMs ?? this.realNow() + this.offsetMs);
  }

  /** Moves "now" to `date`; a frozen clock stays frozen there. */
  set(date: Date): void {
    if (this.frozenAtMs !== null) this.frozenAtMs = date.getTime();
    else this.offsetMs = date.getTime() - this.realNow();
  }

  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms));
  }

  freeze(): void {
    this.frozenAtMs = this.now().getTime();
  }

  unfreeze(): void {
    if (this.frozenAtMs === null) return;
    this.offsetMs = this.frozenAtMs - this.realNow();
    this.frozenAtMs = null;
  }

  /** Back to the real time, running. */
  reset(): void {
    this.offsetMs = 0;
    this.frozenAtMs = null;
  }

  describe(): { now: string; frozen: boolean; offset_ms: number } {
    const now = this.now();
    return {
      now: now.toISOString(),
      frozen: this.frozenAtMs !== null,
      offset_ms: now.getTime() - this.realNow(),
    };
  }
}
