import type { CreatedToken } from './registry-client';

/**
 * The token creations this app has in flight per account, and the ids of
 * those whose answers arrived. When one creation's answer is lost, the
 * registry's list is the only witness of what it made; a namesake created by
 * a concurrent request of this app (a second window, a double submit, a
 * rotation) must not be taken for it, or the user is told to revoke the
 * wrong, working token. So the explanation waits for the other in-flight
 * creations to settle and leaves out every id whose answer reached the app.
 */
export class CreationLedger {
  private readonly pending = new Map<string, Set<Promise<unknown>>>();
  private readonly arrived = new Map<string, Set<number>>();

  /** Notes a creation request; its id is remembered once its answer arrives. */
  track(accountId: string, attempt: Promise<CreatedToken>): void {
    const pending = this.pending.get(accountId) ?? new Set<Promise<unknown>>();
    this.pending.set(accountId, pending);
    const settled = attempt.then(
      (created) => {
        const ids = this.arrived.get(accountId) ?? new Set<number>();
        ids.add(created.id);
        this.arrived.set(accountId, ids);
      },
      () => undefined,
    );
    pending.add(settled);
    void settled.finally(() => {
      pending.delete(settled);
      if (pending.size === 0) this.pending.delete(accountId);
    });
  }

  /**
   * Waits until every creation of the account that is in flight now has
   * settled (answered or failed; never the explanation around it, so two
   * lost answers cannot wait for each other), then gives the ids whose
   * answers arrived.
   */
  async answeredIds(accountId: string): Promise<ReadonlySet<number>> {
    await Promise.allSettled([...(this.pending.get(accountId) ?? [])]);
    return new Set(this.arrived.get(accountId) ?? []);
  }
}
