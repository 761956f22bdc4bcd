import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPIRY_CHOICE,
  calendarDateOf,
  checkCustomExpiry,
  customDateFromChoice,
  expiryChoiceSchema,
  expiryFromChoice,
  isValidCustomExpiry,
  type ExpiryPresetDays,
} from './expiry-presets';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const UTC = 'UTC';

/** A wall-clock time in a zone, as an instant. */
function wall(zone: string, y: number, mo: number, d: number, h = 10, mi = 0): Date {
  return new Date(new TZDate(y, mo - 1, d, h, mi, 0, 0, zone).getTime());
}

function inDays(now: Date, days: ExpiryPresetDays, zone: string): Date | null {
  return expiryFromChoice({ kind: 'days', days }, now, zone);
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

describe('expiry presets add calendar days in the user zone', () => {
  it('defaults to 90 days and offers no expiry', () => {
    expect(DEFAULT_EXPIRY_CHOICE).toEqual({ kind: 'days', days: 90 });
    expect(expiryFromChoice({ kind: 'none' }, new Date())).toBeNull();
  });

  it.each<[string, string, Date, ExpiryPresetDays, Date]>([
    ['31 Jan + 30 lands on 2 Mar', UTC, wall(UTC, 2026, 1, 31), 30, wall(UTC, 2026, 3, 2)],
    ['31 Jan + 30 in a leap year: 1 Mar', UTC, wall(UTC, 2028, 1, 31), 30, wall(UTC, 2028, 3, 1)],
    ['29 Feb + 365 lands on 28 Feb', UTC, wall(UTC, 2028, 2, 29), 365, wall(UTC, 2029, 2, 28)],
    ['28 Feb + 7 in a leap year', UTC, wall(UTC, 2028, 2, 28), 7, wall(UTC, 2028, 3, 6)],
    ['31 Dec + 365 lands on 31 Dec', UTC, wall(UTC, 2026, 12, 31), 365, wall(UTC, 2027, 12, 31)],
    ['31 Dec + 365 into a leap year', UTC, wall(UTC, 2027, 12, 31), 365, wall(UTC, 2028, 12, 30)],
    ['30 Nov + 60 lands on 29 Jan', UTC, wall(UTC, 2026, 11, 30), 60, wall(UTC, 2027, 1, 29)],
    [
      'a late evening stays on its day in Berlin',
      BERLIN,
      wall(BERLIN, 2026, 1, 31, 23, 30),
      30,
      wall(BERLIN, 2026, 3, 2, 23, 30),
    ],
  ])('%s (%s)', (_label, zone, now, days, expected) => {
    expect(inDays(now, days, zone)).toEqual(expected);
  });

  it('keeps the wall clock across Berlin spring-forward (last Sunday of March)', () => {
    const now = wall(BERLIN, 2026, 3, 27, 10); // CET, UTC+1
    const expiry = inDays(now, 7, BERLIN);
    expect(expiry).toEqual(wall(BERLIN, 2026, 4, 3, 10)); // CEST, UTC+2
    expect(expiry?.toISOString()).toBe('2026-04-03T08:00:00.000Z');
    expect((expiry?.getTime() ?? 0) - now.getTime()).toBe(7 * DAY_MS - HOUR_MS);
  });

  it('keeps the wall clock across Berlin fall-back (last Sunday of October)', () => {
    const now = wall(BERLIN, 2026, 10, 20, 10); // CEST
    const expiry = inDays(now, 7, BERLIN);
    expect(expiry?.toISOString()).toBe('2026-10-27T09:00:00.000Z'); // 10:00 CET
    expect((expiry?.getTime() ?? 0) - now.getTime()).toBe(7 * DAY_MS + HOUR_MS);
  });

  it('keeps the wall clock across New York DST, both ways', () => {
    // DST starts 8 March 2026 and ends 1 November 2026 there.
    expect(inDays(wall(NEW_YORK, 2026, 3, 1, 9), 30, NEW_YORK)?.toISOString()).toBe(
      '2026-03-31T13:00:00.000Z',
    );
    expect(inDays(wall(NEW_YORK, 2026, 10, 30, 9), 7, NEW_YORK)?.toISOString()).toBe(
      '2026-11-06T14:00:00.000Z',
    );
  });

  it('moves a wall time that the spring-forward gap swallows forward by the gap', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin: clocks jump from 02:00 to 03:00.
    const now = wall(BERLIN, 2026, 3, 22, 2, 30);
    expect(inDays(now, 7, BERLIN)?.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('is 365 days of wall clock even when the span crosses two DST changes', () => {
    const now = wall(BERLIN, 2026, 3, 1, 10);
    expect(inDays(now, 365, BERLIN)).toEqual(wall(BERLIN, 2027, 3, 1, 10));
  });
});

describe('custom expiry dates', () => {
  const now = wall(BERLIN, 2026, 6, 10, 15);

  it('expire at the end of the chosen day in the user zone', () => {
    expect(
      expiryFromChoice({ kind: 'custom', date: '2026-06-30' }, now, BERLIN)?.toISOString(),
    ).toBe('2026-06-30T21:59:59.999Z');
    expect(
      expiryFromChoice({ kind: 'custom', date: '2026-06-30' }, now, NEW_YORK)?.toISOString(),
    ).toBe('2026-07-01T03:59:59.999Z');
  });

  it('end the day in the offset of that day, not of today', () => {
    // 29 March (spring-forward day) ends in CEST; 25 October (fall-back day) in CET.
    const march = wall(BERLIN, 2026, 3, 1, 10);
    expect(
      expiryFromChoice({ kind: 'custom', date: '2026-03-29' }, march, BERLIN)?.toISOString(),
    ).toBe('2026-03-29T21:59:59.999Z');
    expect(
      expiryFromChoice({ kind: 'custom', date: '2026-10-25' }, march, BERLIN)?.toISOString(),
    ).toBe('2026-10-25T22:59:59.999Z');
    expect(
      expiryFromChoice({ kind: 'custom', date: '2026-11-01' }, march, NEW_YORK)?.toISOString(),
    ).toBe('2026-11-02T04:59:59.999Z');
  });

  it('accept today and later, refuse past and non-existent dates', () => {
    expect(isValidCustomExpiry('2026-06-10', now, BERLIN)).toBe(true);
    expect(isValidCustomExpiry('2026-06-11', now, BERLIN)).toBe(true);
    expect(checkCustomExpiry('2026-06-09', now, BERLIN)).toEqual({
      valid: false,
      reason: 'That date is in the past: choose today or a later day.',
    });
    expect(checkCustomExpiry('2026-02-29', now, BERLIN)).toMatchObject({ valid: false });
    expect(checkCustomExpiry('2028-02-29', now, BERLIN)).toMatchObject({ valid: true });
    expect(checkCustomExpiry('2026-04-31', now, BERLIN)).toMatchObject({
      valid: false,
      reason: 'Choose a real calendar date.',
    });
    expect(isValidCustomExpiry('2026-6-30', now, BERLIN)).toBe(false);
    expect(isValidCustomExpiry('0050-01-01', now, BERLIN)).toBe(false);
    expect(() => expiryFromChoice({ kind: 'custom', date: '2026-06-01' }, now, BERLIN)).toThrow(
      RangeError,
    );
  });

  it('judge "past" by the user zone: the same instant is tomorrow in Berlin, today in New York', () => {
    const lateUtc = new Date('2026-06-01T23:30:00Z');
    expect(isValidCustomExpiry('2026-06-01', lateUtc, BERLIN)).toBe(false);
    expect(isValidCustomExpiry('2026-06-01', lateUtc, NEW_YORK)).toBe(true);
    expect(calendarDateOf(lateUtc, BERLIN)).toBe('2026-06-02');
    expect(calendarDateOf(lateUtc, NEW_YORK)).toBe('2026-06-01');
  });
});

describe('the expiry choice schema', () => {
  it('accepts the website choices and nothing else', () => {
    expect(expiryChoiceSchema.safeParse({ kind: 'days', days: 90 }).success).toBe(true);
    expect(expiryChoiceSchema.safeParse({ kind: 'days', days: 14 }).success).toBe(false);
    expect(expiryChoiceSchema.safeParse({ kind: 'custom', date: '2026-12-31' }).success).toBe(true);
    expect(expiryChoiceSchema.safeParse({ kind: 'custom', date: 'tomorrow' }).success).toBe(false);
    expect(expiryChoiceSchema.safeParse({ kind: 'none' }).success).toBe(true);
  });
});

describe('the custom date starts from the chosen preset, as on crates.io (issue 13)', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('is the day the chosen preset would end', () => {
    expect(customDateFromChoice({ kind: 'days', days: 30 }, now, 'UTC')).toBe('2026-04-09');
    expect(customDateFromChoice({ kind: 'days', days: 90 }, now, 'UTC')).toBe('2026-06-08');
  });
  it('is 90 days out after "No expiration", and keeps a custom date', () => {
    expect(customDateFromChoice({ kind: 'none' }, now, 'UTC')).toBe('2026-06-08');
    expect(customDateFromChoice({ kind: 'custom', date: '2026-12-24' }, now, 'UTC')).toBe(
      '2026-12-24',
    );
  });
});
