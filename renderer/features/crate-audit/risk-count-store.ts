import { useSyncExternalStore } from 'react';

/** The side navigation's id for the Crates page, where the audit lives. */
export const CRATES_SECTION_ID = 'crates';

interface RiskCountState {
  /** Findings of the newest audit; null until one ran, or when the crates could not be read. */
  readonly count: number | null;
  /** How many changes were heard of: tokens or crates may differ since each. */
  readonly changes: number;
  /** `changes` when the newest audit began; -1 before any. */
  readonly audited: number;
}

// One window, one count: the Crates page's audit and the navigation's own
// audit both write it, so the badge says what the page says once it is open.
let state: RiskCountState = { count: null, changes: 0, audited: -1 };
const listeners = new Set<() => void>();

function setState(next: RiskCountState): void {
  if (
    next.count === state.count &&
    next.changes === state.changes &&
    next.audited === state.audited
  ) {
    return;
  }
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * An audit found `count` findings (null: the crates could not be read) in
 * what was fetched once `asOf` changes had been heard of: a change heard of
 * while it ran leaves the count stale, so it runs again.
 */
export function publishRiskCount(count: number | null, asOf: number = state.changes): void {
  setState({ ...state, count, audited: asOf });
}

/** Something the audit looks at changed (a token revoked or made, an account signed in). */
export function markRiskCountStale(): void {
  setState({ ...state, changes: state.changes + 1 });
}

export interface RiskCountView {
  readonly count: number | null;
  /** Pass to `publishRiskCount` as `asOf` for an audit that starts now. */
  readonly changes: number;
  /** Something changed since the audit the count came from began. */
  readonly stale: boolean;
}

function viewOf(current: RiskCountState): RiskCountView {
  return {
    count: current.count,
    changes: current.changes,
    stale: current.audited !== current.changes,
  };
}

/** The count as it stands, outside React. */
export function riskCountNow(): RiskCountView {
  return viewOf(state);
}

/** The newest count, kept current. */
export function useRiskCountState(): RiskCountView {
  return viewOf(useSyncExternalStore(subscribe, () => state));
}
