import { TZDate, tz } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { z } from 'zod';

/**
 * The expiry choices of crates.io's "New API Token" page (NOTES.md, "The
 * website"): no expiration, 7, 30, 60, 90 (the default) or 365 days, or a
 * custom date.
 *
 * Semantics, chosen to be what a person reading the choice expects:
 * - "N days" adds N calendar days in the user's time zone and keeps the wall
 *   clock: 31 Jan 10:00 + 30 days is 2 Mar 10:00, and across a DST change the
 *   token still expires at 10:00 local time (so the span is N days ± 1 hour).
 *   If that wall time does not exist on the target day (a spring-forward gap),
 *   it moves forward by the gap, as the time-zone rules do for any such time.
 * - A custom date means "valid through that day": the token expires at the end
 *   of it, 23:59:59.999 in the user's time zone. The website keeps the current
 *   time of day instead, which makes a token chosen "until Friday" stop working
 *   on Friday morning.
 * - A custom date already over in the user's time zone is refused; today is
 *   accepted (the token lives until midnight).
 *
 * `timeZone` is an IANA name; without it the runtime's local zone is used,
 * which in the renderer is the user's own.
 */
export const EXPIRY_PRESET_DAYS = [7, 30, 60, 90, 365] as const;
export type ExpiryPresetDays = (typeof EXPIRY_PRESET_DAYS)[number];

/** A calendar date as the date picker gives it, `YYYY-MM-DD`, with no time or zone. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The schemas are marked pure (a bundler hint, no change in behaviour): a
// bundle that only computes expiries, like the renderer's first screen,
// leaves them, and zod with them, out.
export const calendarDateSchema = /*#__PURE__*/ z
  .string()
  .regex(CALENDAR_DATE, 'Use a date like 2026-12-31.');

export const expiryChoiceSchema = /*#__PURE__*/ buildExpiryChoiceSchema();

function buildExpiryChoiceSchema() {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }).strict(),
    z
      .object({
        kind: z.literal('days'),
        days: z.literal(EXPIRY_PRESET_DAYS),
      })
      .strict(),
    z.object({ kind: z.literal('custom'), date: calendarDateSchema }).strict(),
  ]);
}
export type ExpiryChoice = z.infer<typeof expiryChoiceSchema>;

/** The website's default: 90 days. */
export const DEFAULT_EXPIRY_CHOICE: ExpiryChoice = { kind: 'days', days: 90 };

export type CustomExpiryCheck =
  | { readonly valid: true; readonly expiresAt: Date }
  | { readonly valid: false; readonly reason: string };

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Reads `YYYY-MM-DD`, refusing dates that do not exist (31 April, 29 Feb 2027). */
function parseCalendarDate(text: string): CalendarDate | null {
  if (!CALENDAR_DATE.test(text)) return null;
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  // UTC arithmetic only checks the date exists; no zone is involved yet.
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  const exists =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  return exists ? { year, month, day } : null;
}

/** A moment shown in the given zone (or the local one), for zone-aware date-fns arithmetic. */
function inZone(moment: Date, timeZone?: string): Date {
  return timeZone === undefined ? new Date(moment.getTime()) : new TZDate(moment, timeZone);
}

function endOfCalendarDay({ year, month, day }: CalendarDate, timeZone?: string): Date {
  const end =
    timeZone === undefined
      ? new Date(year, month - 1, day, 23, 59, 59, 999)
      : new TZDate(year, month - 1, day, 23, 59, 59, 999, timeZone);
  return new Date(end.getTime());
}

/**
 * Checks a custom date: it must exist and not be over yet in the user's zone.
 * On success it also gives the expiry instant (end of that day).
 */
export function checkCustomExpiry(date: string, now: Date, timeZone?: string): CustomExpiryCheck {
  const parsed = parseCalendarDate(date);
  if (!parsed) return { valid: false, reason: 'Choose a real calendar date.' };
  const expiresAt = endOfCalendarDay(parsed, timeZone);
  if (expiresAt.getTime() <= now.getTime()) {
    return { valid: false, reason: 'That date is in the past: choose today or a later day.' };
  }
  return { valid: true, expiresAt };
}

/** True when a custom date is a real date that is not over yet in the user's zone. */
export function isValidCustomExpiry(date: string, now: Date, timeZone?: string): boolean {
  return checkCustomExpiry(date, now, timeZone).valid;
}

/**
 * The expiry instant for a choice, or null for "no expiration". Throws a
 * RangeError for a custom date that is not valid (check it first with
 * `checkCustomExpiry`): a token must never get an expiry nobody chose.
 */
export function expiryFromChoice(choice: ExpiryChoice, now: Date, timeZone?: string): Date | null {
  switch (choice.kind) {
    case 'none':
      return null;
    case 'days':
      return new Date(addDays(inZone(now, timeZone), choice.days).getTime());
    case 'custom': {
      const check = checkCustomExpiry(choice.date, now, timeZone);
      if (!check.valid) throw new RangeError(check.reason);
      return check.expiresAt;
    }
  }
}

/** Today's date in the user's zone as `YYYY-MM-DD` (the date picker's earliest choice). */
export function calendarDateOf(moment: Date, timeZone?: string): string {
  return format(moment, 'yyyy-MM-dd', timeZone === undefined ? {} : { in: tz(timeZone) });
}

/**
 * The date a "Custom" expiry starts from, as crates.io's form does: the day
 * the previously chosen preset would end (90 days, the website's default,
 * when the previous choice was "No expiration").
 */
export function customDateFromChoice(previous: ExpiryChoice, now: Date, timeZone?: string): string {
  if (previous.kind === 'custom') return previous.date;
  const days = previous.kind === 'days' ? previous.days : 90;
  return calendarDateOf(addDays(inZone(now, timeZone), days), timeZone);
}
