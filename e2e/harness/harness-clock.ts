import type { Clock } from '../../electron/core/ports';

/** A clock the harness can move: real time plus an offset, so it keeps running after a move. */
export class HarnessClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  set(now: Date): void {
    this.offsetMs = now.getTime() - this.realNow();
  }
}

/** Moves the simulator's clock through its control endpoint (it may run in another process). */
export async function setSimulatorClock(simulatorUrl: string, now: Date): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__control/clock`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ now: now.toISOString() }),
  });
  if (!response.ok) {
    throw new Error(`The simulator refused to move its clock: HTTP ${response.status}.`);
  }
}
