import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { applyTokenFilters, filterTokens, NO_FILTERS } from './token-filter';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';

function token(name: string, cratePatterns: string[] | null = null): TokenView {
  return tokenFixture(name, { cratePatterns });
}

const tokens = [
  token('CI publish', ['serde', 'serde_*']),
  token('Laptop'),
  token('Release bot', ['tokio-*']),
];
const names = (list: readonly TokenView[]) => list.map((entry) => entry.name);

describe('filterTokens', () => {
  it('returns the same list for an empty or blank query', () => {
    expect(filterTokens(tokens, '')).toBe(tokens);
    expect(filterTokens(tokens, '   ')).toBe(tokens);
  });

  it('matches names regardless of case', () => {
    expect(names(filterTokens(tokens, 'laptop'))).toEqual(['Laptop']);
  });

  it('matches crate patterns', () => {
    expect(names(filterTokens(tokens, 'tokio'))).toEqual(['Release bot']);
    expect(names(filterTokens(tokens, 'serde_'))).toEqual(['CI publish']);
  });

  it('needs every word to match, in the name or a pattern', () => {
    expect(names(filterTokens(tokens, 'ci serde'))).toEqual(['CI publish']);
    expect(names(filterTokens(tokens, 'ci tokio'))).toEqual([]);
  });
});

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
