import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  accountTextOf,
  cratePatternsOf,
  expiryText,
  formatAge,
  formatDate,
  formatDateTime,
  formatRelative,
  lastUsedText,
  lastUsedTextOf,
  patternsCellOf,
  expiryTextOf,
  createdTextOf,
} from './token-format';
import { accountFixture } from '../../../shared/test-support/domain-fixtures';

// Local times, so the expectations hold in any time zone the tests run in.
const now = new Date(2025, 6, 3, 16, 5);
const iso = (date: Date) => date.toISOString();
const daysFromNow = (days: number) => iso(new Date(now.getTime() + days * 24 * 60 * 60 * 1000));

describe('expiry text', () => {
  it('reads "never" for a token without expiry', () => {
    expect(expiryText(null, now)).toEqual({ relative: 'never', exact: null });
  });

  it('says how far ahead a future expiry is, with the exact time', () => {
    expect(expiryText(daysFromNow(3), now)).toEqual({
      relative: 'in 3 days',
      exact: '6 Jul 2025, 16:05',
    });
  });

  it('says how long ago a past expiry was', () => {
    expect(expiryText(daysFromNow(-2), now).relative).toBe('2 days ago');
  });

  it('rounds long spans to one unit', () => {
    expect(expiryText(daysFromNow(90), now).relative).toBe('in 3 months');
    expect(expiryText(daysFromNow(400), now).relative).toBe('in 1 year');
  });

  it('counts hours on the last day', () => {
    expect(expiryText(iso(new Date(now.getTime() + 20 * 60 * 60 * 1000)), now).relative).toBe(
      'in 20 hours',
    );
  });
});

describe('last used text', () => {
  it('reads "never used" for a token that was never used', () => {
    expect(lastUsedText(null, now)).toEqual({ relative: 'never used', exact: null });
  });

  it('gives the relative and the exact time of the last use', () => {
    expect(lastUsedText(iso(new Date(2025, 6, 3, 15, 5)), now)).toEqual({
      relative: '1 hour ago',
      exact: '3 Jul 2025, 15:05',
    });
  });
});

describe('dates', () => {
  it('formats dates and date-times in a readable, local way', () => {
    const value = iso(new Date(2024, 0, 31, 9, 30));
    expect(formatDate(value)).toBe('31 Jan 2024');
    expect(formatDateTime(value)).toBe('31 Jan 2024, 09:30');
  });

  it("reads the registry's timestamps (microseconds, Z or offset) exactly", () => {
    expect(formatDateTime('2024-01-31T09:30:59.999999+00:00')).toBe(
      formatDateTime(iso(new Date(Date.UTC(2024, 0, 31, 9, 30, 59)))),
    );
    expect(formatDateTime('2024-01-31T11:30:00.123456+02:00')).toBe(
      formatDateTime('2024-01-31T09:30:00.123Z'),
    );
  });

  it("writes dates as date-fns' format did, every month, hour and minute", () => {
    for (let month = 0; month < 12; month++) {
      for (const [day, hour, minute] of [
        [1, 0, 0],
        [9, 7, 5],
        [28, 23, 59],
      ] as const) {
        const value = new Date(2025, month, day, hour, minute);
        const text = iso(value);
        expect(formatDate(text)).toBe(format(value, 'd MMM yyyy'));
        expect(formatDateTime(text)).toBe(format(value, 'd MMM yyyy, HH:mm'));
      }
    }
  });

  it('reads a date without a time as local midnight', () => {
    expect(formatDateTime('2024-01-31')).toBe('31 Jan 2024, 00:00');
  });

  it('gives the same text again from its cache, and follows a new now', () => {
    const value = daysFromNow(3);
    expect(formatRelative(value, now)).toBe('in 3 days');
    expect(formatRelative(value, now)).toBe('in 3 days');
    expect(formatRelative(value, new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000))).toBe(
      'in 1 day',
    );
    expect(formatRelative(value, now)).toBe('in 3 days');
  });

  it('shows text that is not a date as it came, rather than failing', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('soon')).toBe('soon');
    expect(formatRelative('soon', now)).toBe('soon');
  });
});

describe('crate patterns', () => {
  it('treats null and empty as any crate', () => {
    expect(cratePatternsOf(null)).toBeNull();
    expect(cratePatternsOf([])).toBeNull();
  });

  it('keeps the patterns as given', () => {
    expect(cratePatternsOf(['serde', 'serde_*'])).toEqual(['serde', 'serde_*']);
  });
});

describe('formatAge', () => {
  it('says "just now" for the last minute and for times a little ahead', () => {
    expect(formatAge(iso(new Date(2025, 6, 3, 16, 4, 30)), now)).toBe('just now');
    expect(formatAge(iso(new Date(2025, 6, 3, 16, 5, 20)), now)).toBe('just now');
  });

  it('says how long ago older times were', () => {
    expect(formatAge(iso(new Date(2025, 6, 3, 16, 0)), now)).toBe('5 minutes ago');
  });
});

describe('imported tokens', () => {
  it('does not claim an imported token was never used: the app cannot know', () => {
    expect(lastUsedTextOf({ source: 'imported', lastUsedAt: null }, now).relative).toBe(
      'not known',
    );
    expect(lastUsedTextOf({ source: 'registry', lastUsedAt: null }, now).relative).toBe(
      'never used',
    );
  });

  it('says "not known" for what nobody told the app: crates, expiry; not "any crate" or "never"', () => {
    const imported = { source: 'imported', cratePatterns: null, expiresAt: null } as const;
    expect(patternsCellOf(imported)).toBe('unknown');
    expect(patternsCellOf({ ...imported, source: 'registry' })).toBeNull();
    expect(expiryTextOf(imported, now).relative).toBe('not known');
    expect(expiryTextOf({ ...imported, source: 'registry' }, now).relative).toBe('never');
    expect(
      expiryTextOf({ source: 'imported', expiresAt: '2026-07-01T00:00:00Z' }, now).exact,
    ).not.toBeNull();
  });

  it('labels an imported token’s only date as its import', () => {
    const createdAt = '2026-06-01T10:00:00Z';
    expect(createdTextOf({ source: 'imported', createdAt })).toMatchObject({
      label: 'Imported',
      date: formatDate(createdAt),
    });
    expect(createdTextOf({ source: 'registry', createdAt }).label).toBeNull();
  });

  it('names the account, or says the token was imported for a registry', () => {
    const account = accountFixture();
    const listed = {
      source: 'registry',
      accountId: account.id,
      registryName: 'crates-io',
    } as const;
    expect(accountTextOf(listed, account)).toEqual({ primary: 'ferris', secondary: 'crates.io' });
    expect(
      accountTextOf({ source: 'imported', accountId: null, registryName: 'my-corp' }, undefined),
    ).toMatchObject({ primary: 'Account not known', secondary: 'my-corp' });
    expect(accountTextOf(listed, undefined)).toEqual({
      primary: 'crates.io#1',
      secondary: 'crates-io',
    });
  });
});
