/**
 * A time limit for one stage of a call. `race` settles with the work, or
 * rejects with the deadline's error once it has passed, whether or not the
 * work itself ever settles: an injected fetch that ignores its AbortSignal
 * still cannot hold a call open. `onExpire` runs once, when time is up, to
 * tear the request down (abort the fetch, cancel the body).
 */
export class Deadline {
  private readonly expired: Promise<never>;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(ms: number, error: () => Error, onExpire: (error: Error) => void = () => undefined) {
    let reject: (reason: Error) => void = () => undefined;
    this.expired = new Promise<never>((_, rejectExpired) => {
      reject = rejectExpired;
    });
    // Marked handled: the deadline may pass while nobody is racing it.
    this.expired.catch(() => undefined);
    this.timer = setTimeout(() => {
      const reason = error();
      onExpire(reason);
      reject(reason);
    }, ms);
  }

  /**
   * The work's outcome, or the deadline's error. Promise.race subscribes to
   * the work, so a rejection that comes after the deadline is not unhandled.
   */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.expired]);
  }

  /** Stops the clock; call it once the stage is over, however it ended. */
  clear(): void {
    clearTimeout(this.timer);
  }
}
