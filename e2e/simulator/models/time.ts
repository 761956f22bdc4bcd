export const SECOND_MS = 1000;
export const DAY_MS = 24 * 60 * 60 * SECOND_MS;

/** crates.io keeps a session for 90 days (NOTES.md, "Authentication"). */
export const SESSION_LIFETIME_MS = 90 * DAY_MS;

/** A point in time `days` before `now` (negative days lie in the future). */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** A point in time `days` after `now` (negative days lie in the past). */
export function daysAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
