import { describe, expect, it } from 'vitest';
import { refreshFailureOf, refreshFailureText } from './refresh-failure';

const NOW = '2026-06-01T12:00:00.000Z';
const EARLIER = '2026-06-01T09:00:00.000Z';
const EARLIEST = '2026-06-01T08:00:00.000Z';

describe('the toolbar after a failed refresh', () => {
  it('says nothing failed when every account was read', () => {
    expect(refreshFailureOf({ fetchedAt: NOW, failures: [] }, false)).toBeNull();
  });

  it('gives the oldest successful fetch, not "just now", when accounts could not be read', () => {
    const failure = refreshFailureOf(
      {
        fetchedAt: NOW,
        failures: [
          { accountId: 'a', message: 'Could not reach a.', lastKnownAt: EARLIER },
          { accountId: 'b', message: 'Could not reach b.', lastKnownAt: EARLIEST },
          { accountId: 'c', message: 'never fetched', lastKnownAt: null },
        ],
      },
      false,
    );
    expect(failure).toEqual({ lastFetchedAt: EARLIEST, failedAccounts: 2 });
    expect(failure && refreshFailureText(failure)).toBe('refresh failed for 2 accounts');
  });

  it('keeps the previous list’s time when the whole refresh failed', () => {
    const failure = refreshFailureOf({ fetchedAt: EARLIER, failures: [] }, true);
    expect(failure).toEqual({ lastFetchedAt: EARLIER, failedAccounts: null });
    expect(failure && refreshFailureText(failure)).toBe('refresh failed');
  });
});
