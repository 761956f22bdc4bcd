import { describe, expect, it } from 'vitest';
import { crateFixture } from '../test-support/crate-fixture';
import { tokenFixture } from '../test-support/domain-fixtures';
import { CRATE_ACTIONS, crateAccess, crateReachOf } from './crate-access';
import type { TokenView } from './token';

const QUILL = crateFixture('quill-core');

function names(tokens: readonly { token: TokenView }[]): string[] {
  return tokens.map((entry) => entry.token.name);
}

describe('crateAccess', () => {
  it('finds exact, prefix, `*`, no-pattern and legacy tokens, and says how each reaches the crate', () => {
    const tokens = [
      tokenFixture('exact', { cratePatterns: ['quill-core'] }),
      tokenFixture('prefix', { cratePatterns: ['quill*', 'other'] }),
      tokenFixture('star', { cratePatterns: ['*'] }),
      tokenFixture('none', { cratePatterns: null }),
      tokenFixture('empty', { cratePatterns: [] }),
      tokenFixture('legacy', { endpointScopes: null, status: 'legacy' }),
    ];
    expect(
      crateAccess(QUILL, tokens).map(({ token, via, matchedPatterns }) => [
        token.name,
        via,
        matchedPatterns,
      ]),
    ).toEqual([
      ['exact', 'pattern', ['quill-core']],
      ['prefix', 'pattern', ['quill*']],
      ['star', 'any-crate', []],
      ['none', 'any-crate', []],
      ['empty', 'any-crate', []],
      ['legacy', 'legacy', []],
    ]);
  });

  it('matches the way crates.io does: literal, case-sensitive, `-` is not `_`', () => {
    const tokens = [
      tokenFixture('underscore', { cratePatterns: ['quill_core'] }),
      tokenFixture('upper', { cratePatterns: ['Quill*'] }),
      tokenFixture('longer', { cratePatterns: ['quill-core-x'] }),
      tokenFixture('invalid', { cratePatterns: ['1quill*'] }),
      tokenFixture('prefix-of-name', { cratePatterns: ['quill-c*'] }),
    ];
    expect(names(crateAccess(QUILL, tokens))).toEqual(['prefix-of-name']);
  });

  it('lists the actions the scopes allow, all four for a legacy token, and leaves out tokens with none', () => {
    const tokens = [
      tokenFixture('publisher', { endpointScopes: ['publish-new', 'publish-update'] }),
      tokenFixture('yanker', { endpointScopes: ['yank', 'trusted-publishing'] }),
      tokenFixture('owners', { endpointScopes: ['change-owners'] }),
      tokenFixture('trustpub-only', { endpointScopes: ['trusted-publishing'] }),
      tokenFixture('nothing', { endpointScopes: [] }),
      tokenFixture('legacy', { endpointScopes: null, status: 'legacy' }),
    ];
    expect(crateAccess(QUILL, tokens).map(({ token, actions }) => [token.name, actions])).toEqual([
      ['publisher', ['publish-new', 'publish-update']],
      ['yanker', ['yank']],
      ['owners', ['change-owners']],
      ['legacy', [...CRATE_ACTIONS]],
    ]);
  });

  it('keeps a legacy token with patterns to the crates they cover', () => {
    const covering = tokenFixture('legacy-quill', {
      endpointScopes: null,
      cratePatterns: ['tokio', 'quill*'],
      status: 'legacy',
    });
    const elsewhere = tokenFixture('legacy-tokio', {
      endpointScopes: null,
      cratePatterns: ['tokio'],
      status: 'legacy',
    });
    expect(crateAccess(QUILL, [covering, elsewhere])).toEqual([
      { token: covering, actions: [...CRATE_ACTIONS], via: 'legacy', matchedPatterns: ['quill*'] },
    ]);
  });

  it('takes only live tokens of the owning accounts on the crate registry, never imported ones', () => {
    const tokens = [
      tokenFixture('expired', { status: 'expired' }),
      tokenFixture('expiring', { status: 'expiring' }),
      tokenFixture('other-account', { accountId: 'b', key: 'b/other' }),
      tokenFixture('other-registry', { registryName: 'my-registry' }),
      tokenFixture('imported', {
        source: 'imported',
        accountId: null,
        tokenId: null,
        endpointScopes: null,
        key: 'imported/1',
      }),
    ];
    expect(names(crateAccess(QUILL, tokens))).toEqual(['expiring']);
    const sharedCrate = crateFixture('quill-core', { ownerAccountIds: ['a', 'b'] });
    expect(names(crateAccess(sharedCrate, tokens))).toEqual(['expiring', 'other-account']);
  });
});

describe('crateReachOf', () => {
  it('orders the covering patterns from the most specific', () => {
    expect(
      crateReachOf(
        { endpointScopes: ['yank'], cratePatterns: ['q*', 'quill-core', 'quill*'] },
        'quill-core',
      ),
    ).toEqual({ via: 'pattern', matchedPatterns: ['quill-core', 'quill*', 'q*'] });
  });

  it('calls a token with `*` among its patterns any-crate', () => {
    expect(
      crateReachOf({ endpointScopes: ['yank'], cratePatterns: ['quill*', '*'] }, 'quill'),
    ).toEqual({
      via: 'any-crate',
      matchedPatterns: [],
    });
  });
});
