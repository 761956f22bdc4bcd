import { describe, expect, it } from 'vitest';
import { dueNotifications } from './notification-planner';
import type { WatchedToken } from './watch-snapshot';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-10T12:00:00Z');
const WARNING_DAYS = [14, 7, 3, 1];

function token(name: string, expiredDaysAgo: number): WatchedToken {
  return {
    key: `one.test#1/${name}`,
    name,
    expiresAt: new Date(NOW.getTime() - expiredDaysAgo * DAY_MS).toISOString(),
    source: 'registry',
    registryLabel: 'crates.io',
    replaceable: true,
    secretHeld: true,
  };
}

describe('dueNotifications for expiries the app did not see happen', () => {
  it('announces once a token that expired while the app was closed for a week', () => {
    const weekend = token('release', 6);
    expect(dueNotifications([weekend], NOW, WARNING_DAYS, [])).toEqual([
      { key: weekend.key, name: 'release', threshold: 'expired' },
    ]);
    expect(
      dueNotifications([weekend], NOW, WARNING_DAYS, [{ key: weekend.key, threshold: 'expired' }]),
    ).toEqual([]);
  });

  it('announces it even when it was warned about before it expired', () => {
    const warned = token('ci', 3);
    expect(
      dueNotifications([warned], NOW, WARNING_DAYS, [{ key: warned.key, threshold: '1d' }]),
    ).toEqual([{ key: warned.key, name: 'ci', threshold: 'expired' }]);
  });

  it('does not announce an expiry from the registry’s old history', () => {
    expect(dueNotifications([token('ancient', 200)], NOW, WARNING_DAYS, [])).toEqual([]);
  });
});
