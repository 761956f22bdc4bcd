import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { applyTokenFilters, hasFilters, NO_FILTERS } from './token-filter';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';

function token(name: string, cratePatterns: string[] | null = null): TokenView {
  return tokenFixture(name, { cratePatterns });
}

const names = (list: readonly TokenView[]) => list.map((entry) => entry.name);

describe('applyTokenFilters', () => {
  const mixed: TokenView[] = [
    { ...token('One'), accountId: 'a', status: 'active', endpointScopes: ['yank'] },
    { ...token('Two'), accountId: 'b', status: 'expired' },
    { ...token('Three'), accountId: 'b', status: 'legacy', endpointScopes: null },
    {
      ...token('Imported'),
      source: 'imported',
      accountId: null,
      tokenId: null,
      endpointScopes: null,
    },
  ];

  it('returns the same list without filters', () => {
    expect(applyTokenFilters(mixed, NO_FILTERS)).toBe(mixed);
  });

  it('keeps one account', () => {
    expect(names(applyTokenFilters(mixed, { ...NO_FILTERS, accountId: 'b' }))).toEqual([
      'Two',
      'Three',
    ]);
  });

  it('keeps any of the chosen statuses', () => {
    expect(
      names(applyTokenFilters(mixed, { ...NO_FILTERS, statuses: ['expired', 'active'] })),
    ).toEqual(['One', 'Two']);
  });

  it('keeps tokens having a scope, or legacy registry tokens', () => {
    expect(names(applyTokenFilters(mixed, { ...NO_FILTERS, scope: 'publish-update' }))).toEqual([
      'Two',
    ]);
    expect(names(applyTokenFilters(mixed, { ...NO_FILTERS, scope: 'legacy' }))).toEqual(['Three']);
  });

  it('combines filters', () => {
    expect(
      names(applyTokenFilters(mixed, { accountId: 'b', statuses: ['legacy'], scope: 'legacy' })),
    ).toEqual(['Three']);
    expect(
      names(applyTokenFilters(mixed, { accountId: 'a', statuses: ['expired'], scope: null })),
    ).toEqual([]);
  });
});

describe('applyTokenFilters with keys', () => {
  const list: TokenView[] = [token('One'), token('Two'), token('Three')];

  it('keeps only the tokens with those keys, in list order', () => {
    const keys = [list[2]?.key ?? '', list[0]?.key ?? ''];
    expect(names(applyTokenFilters(list, { ...NO_FILTERS, keys }))).toEqual(['One', 'Three']);
  });

  it('counts as a filter, and null keys as none', () => {
    expect(hasFilters({ ...NO_FILTERS, keys: [] })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, keys: null })).toBe(false);
  });
});
