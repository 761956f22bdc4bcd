import { describe, expect, it } from 'vitest';
import { crateFixture } from '../../../shared/test-support/crate-fixture';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';
import { prefillFromToken } from '../new-token/prefill';
import { cratesReachedBy, narrowerSource } from './narrower-source';

const CRATES = [
  crateFixture('quill'),
  crateFixture('quill_derive'),
  crateFixture('crabtime'),
  // Not this account's: a token of account `a` cannot act on it.
  crateFixture('urchin', { ownerAccountIds: ['b'] }),
];

/** What the builder shows for "Regenerate narrower": its own Regenerate prefill of the narrowed token. */
function builderFor(token: Parameters<typeof narrowerSource>[0]) {
  return prefillFromToken(narrowerSource(token, CRATES), 'fallback');
}

describe('narrowerSource', () => {
  it('turns a legacy token into a 90-day publish-update token for the crates it reached', () => {
    const legacy = tokenFixture('old laptop', { endpointScopes: null, status: 'legacy' });
    expect(builderFor(legacy)).toEqual({
      accountId: 'a',
      name: 'old laptop (2)',
      endpointScopes: ['publish-update'],
      cratePatterns: ['crabtime', 'quill', 'quill_derive'],
      expiry: { kind: 'days', days: 90 },
    });
  });

  it('names the crates instead of `*`, drops change-owners and publish-new, keeps a set expiry', () => {
    const everything = tokenFixture('everything', {
      endpointScopes: ['change-owners', 'publish-new', 'publish-update', 'yank'],
      cratePatterns: ['*'],
      createdAt: '2026-01-01T00:00:00Z',
      expiresAt: '2026-01-31T00:00:00Z',
      status: 'active',
    });
    expect(builderFor(everything)).toMatchObject({
      endpointScopes: ['publish-update', 'yank'],
      cratePatterns: ['crabtime', 'quill', 'quill_derive'],
      expiry: { kind: 'days', days: 30 },
    });
  });

  it('keeps change-owners when it is the token’s only job, but narrows its crates and expiry', () => {
    const owners = tokenFixture('owners admin', { endpointScopes: ['change-owners'] });
    expect(builderFor(owners)).toMatchObject({
      endpointScopes: ['change-owners'],
      cratePatterns: ['crabtime', 'quill', 'quill_derive'],
      expiry: { kind: 'days', days: 90 },
    });
  });

  it('keeps the patterns of a token that only publishes new crates: those crates do not exist yet', () => {
    const fresh = tokenFixture('new crates', {
      endpointScopes: ['publish-new'],
      cratePatterns: [],
    });
    expect(builderFor(fresh)).toMatchObject({
      endpointScopes: ['publish-new'],
      cratePatterns: [],
    });
  });

  it('leaves specific patterns and scopes alone; only a missing expiry is added', () => {
    const ci = tokenFixture('CI: quill', { cratePatterns: ['quill*'] });
    expect(builderFor(ci)).toMatchObject({
      endpointScopes: ['publish-update'],
      cratePatterns: ['quill*'],
      expiry: { kind: 'days', days: 90 },
    });
  });

  it('leaves `*` when the account owns no crate the token reaches', () => {
    const other = tokenFixture('elsewhere', { accountId: 'c', cratePatterns: ['*'] });
    expect(narrowerSource(other, CRATES).cratePatterns).toEqual(['*']);
  });
});

describe('cratesReachedBy', () => {
  it('lists the owned crates a token’s patterns reach, sorted, and nothing for an expired one', () => {
    expect(cratesReachedBy(tokenFixture('t', { cratePatterns: ['quill*'] }), CRATES)).toEqual([
      'quill',
      'quill_derive',
    ]);
    expect(cratesReachedBy(tokenFixture('t', { status: 'expired' }), CRATES)).toEqual([]);
  });
});
