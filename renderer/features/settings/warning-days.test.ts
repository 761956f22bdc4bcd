import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';
import { withWarningDays } from './warning-days';

const FETCHED_AT = '2026-01-01T00:00:00Z';
const DAY_MS = 24 * 3600 * 1000;

function expiringIn(name: string, days: number, status: TokenView['status']): TokenView {
  const expiresAt = new Date(Date.parse(FETCHED_AT) + days * DAY_MS).toISOString();
  return tokenFixture(name, { expiresAt, status });
}

describe('withWarningDays', () => {
  const list = [
    expiringIn('in 20 days', 20, 'active'),
    expiringIn('in 10 days', 10, 'expiring'),
    expiringIn('gone', -1, 'expired'),
  ];

  it('marks expiring from the widest warning day', () => {
    const statuses = withWarningDays(list, [30, 7], FETCHED_AT).map((token) => token.status);
    expect(statuses).toEqual(['expiring', 'expiring', 'expired']);
    const narrow = withWarningDays(list, [3, 1], FETCHED_AT).map((token) => token.status);
    expect(narrow).toEqual(['active', 'active', 'expired']);
  });

  it('trusts the core when it judged with the same widest day, and judges again when not', () => {
    // The list as a core with a 30-day warning judged it: nothing is walked again.
    const judged = [expiringIn('in 20 days', 20, 'expiring')];
    expect(withWarningDays(judged, [30, 7], FETCHED_AT, 30)).toBe(judged);
    // The settings changed since: judged again under the window's days.
    expect(withWarningDays(judged, [3, 1], FETCHED_AT, 30)[0]?.status).toBe('active');
  });

  it('keeps the list itself while the settings are unknown or change nothing', () => {
    expect(withWarningDays(list, undefined, FETCHED_AT)).toBe(list);
    expect(withWarningDays(list, [14, 7, 3, 1], FETCHED_AT)).toBe(list);
  });
});

describe('withWarningDays on imported tokens', () => {
  it('never calls an imported token with unknown scopes legacy', () => {
    const imported = tokenFixture('pasted', {
      source: 'imported',
      endpointScopes: null,
      expiresAt: null,
      status: 'no-expiry',
    });
    expect(withWarningDays([imported], [30], FETCHED_AT)[0]?.status).toBe('no-expiry');
  });
});
