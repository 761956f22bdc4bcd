import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { nextSort, sortTokens } from './token-sort';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';

const token = tokenFixture;

const tokens = [
  token('b2', {
    accountId: 'z',
    createdAt: '2025-03-01T00:00:00Z',
    lastUsedAt: '2025-03-02T00:00:00Z',
    status: 'active',
    expiresAt: '2026-01-01T00:00:00Z',
  }),
  token('B10', { accountId: 'y', createdAt: '2025-02-01T00:00:00Z', status: 'legacy' }),
  token('a', {
    accountId: 'x',
    lastUsedAt: '2025-01-05T00:00:00Z',
    status: 'expired',
    expiresAt: '2025-01-10T00:00:00Z',
  }),
  token('c', { accountId: 'x', status: 'expiring', expiresAt: '2025-06-01T00:00:00Z' }),
];
const label = (entry: TokenView) => entry.accountId ?? '';
const names = (list: readonly TokenView[]) => list.map((entry) => entry.name);

describe('sortTokens', () => {
  it('keeps the registry order without a sort', () => {
    expect(sortTokens(tokens, null, label)).toBe(tokens);
  });

  it('sorts names naturally, ignoring case', () => {
    expect(names(sortTokens(tokens, { column: 'name', direction: 'asc' }, label))).toEqual([
      'a',
      'b2',
      'B10',
      'c',
    ]);
    expect(names(sortTokens(tokens, { column: 'name', direction: 'desc' }, label))).toEqual([
      'c',
      'B10',
      'b2',
      'a',
    ]);
  });

  it('sorts by account label, keeping the registry order within one', () => {
    expect(names(sortTokens(tokens, { column: 'account', direction: 'asc' }, label))).toEqual([
      'a',
      'c',
      'B10',
      'b2',
    ]);
  });

  it('sorts statuses worst first', () => {
    expect(names(sortTokens(tokens, { column: 'status', direction: 'asc' }, label))).toEqual([
      'a',
      'c',
      'B10',
      'b2',
    ]);
  });

  it('sorts dates with missing ones last, and never-expiring as the latest expiry', () => {
    expect(names(sortTokens(tokens, { column: 'expiry', direction: 'asc' }, label))).toEqual([
      'a',
      'c',
      'b2',
      'B10',
    ]);
    // "never" is the latest expiry: first when descending (issue 13).
    expect(names(sortTokens(tokens, { column: 'expiry', direction: 'desc' }, label))).toEqual([
      'B10',
      'b2',
      'c',
      'a',
    ]);
    expect(names(sortTokens(tokens, { column: 'last-used', direction: 'desc' }, label))).toEqual([
      'b2',
      'a',
      'B10',
      'c',
    ]);
    expect(names(sortTokens(tokens, { column: 'created', direction: 'asc' }, label))).toEqual([
      'a',
      'c',
      'B10',
      'b2',
    ]);
  });
});

describe('nextSort', () => {
  it('starts a new column ascending and flips the current one', () => {
    expect(nextSort(null, 'name')).toEqual({ column: 'name', direction: 'asc' });
    expect(nextSort({ column: 'name', direction: 'asc' }, 'name')).toEqual({
      column: 'name',
      direction: 'desc',
    });
    expect(nextSort({ column: 'name', direction: 'desc' }, 'status')).toEqual({
      column: 'status',
      direction: 'asc',
    });
  });
});
