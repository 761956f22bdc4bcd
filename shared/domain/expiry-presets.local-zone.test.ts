// The renderer calls these without a zone, so the process's own zone is the
// user's. Set it before any date is made, and put it back for whatever shares
// this worker.
const previousTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';

import { afterAll, describe, expect, it } from 'vitest';
import { calendarDateOf, expiryFromChoice, isValidCustomExpiry } from './expiry-presets';

afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe('expiry presets in the local zone (TZ=Europe/Berlin)', () => {
  it('keeps the local wall clock across spring-forward', () => {
    const now = new Date(2026, 2, 27, 10, 0); // 27 March, 10:00 CET
    const expiry = expiryFromChoice({ kind: 'days', days: 7 }, now);
    expect(expiry?.toISOString()).toBe('2026-04-03T08:00:00.000Z');
    expect(expiry?.getHours()).toBe(10);
  });

  it('keeps the local wall clock across fall-back', () => {
    const now = new Date(2026, 9, 20, 10, 0); // 20 October, 10:00 CEST
    expect(expiryFromChoice({ kind: 'days', days: 30 }, now)?.toISOString()).toBe(
      '2026-11-19T09:00:00.000Z',
    );
  });

  it('ends a custom date at local midnight and judges the past locally', () => {
    const now = new Date('2026-06-01T23:30:00Z'); // already 2 June in Berlin
    expect(calendarDateOf(now)).toBe('2026-06-02');
    expect(isValidCustomExpiry('2026-06-01', now)).toBe(false);
    expect(expiryFromChoice({ kind: 'custom', date: '2026-06-02' }, now)?.toISOString()).toBe(
      '2026-06-02T21:59:59.999Z',
    );
  });
});
