import { CRATES_IO, type Account } from '../domain/account';
import type { TokenView } from '../domain/token';

/** A signed-in crates.io account (ferris), with `overrides` applied: for unit tests. */
export function accountFixture(overrides: Partial<Account> = {}): Account {
  return {
    id: 'crates.io#1',
    registry: CRATES_IO,
    userId: 1,
    login: 'ferris',
    displayName: null,
    avatarUrl: null,
    status: 'signed-in',
    ...overrides,
  };
}

/** A listed publish-update token without expiry named `name`, with `overrides` applied: for unit tests. */
export function tokenFixture(name: string, overrides: Partial<TokenView> = {}): TokenView {
  return {
    key: `a/${name}`,
    source: 'registry',
    accountId: 'a',
    tokenId: 1,
    registryName: 'crates-io',
    name,
    endpointScopes: ['publish-update'],
    cratePatterns: null,
    createdAt: '2025-01-01T00:00:00Z',
    lastUsedAt: null,
    expiresAt: null,
    status: 'no-expiry',
    secretHeld: false,
    ...overrides,
  };
}
