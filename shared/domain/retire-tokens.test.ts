import { describe, expect, it } from 'vitest';
import { crateFixture, trustedCrateFixture } from '../test-support/crate-fixture';
import { tokenFixture } from '../test-support/domain-fixtures';
import { hasTrustedPublishing, retireCandidates } from './retire-tokens';
import type { TokenView } from './token';

const QUILL = trustedCrateFixture('quill');
const QUILL_DERIVE = trustedCrateFixture('quill_derive');
const QUILL_YAML = crateFixture('quill-yaml');
const TOKIO = crateFixture('tokio');

function publisher(
  name: string,
  cratePatterns: string[] | null,
  overrides: Partial<TokenView> = {},
) {
  return tokenFixture(name, {
    key: `a/${name}`,
    endpointScopes: ['publish-new', 'publish-update'],
    cratePatterns,
    ...overrides,
  });
}

function candidateNames(
  crate = QUILL,
  crates = [QUILL, QUILL_DERIVE, TOKIO],
  tokens: TokenView[] = [],
) {
  return retireCandidates(crate, crates, tokens).map((token) => token.name);
}

describe('retireCandidates', () => {
  it('offers a publish token whose patterns cover only crates on trusted publishing', () => {
    const tokens = [
      publisher('quill-exact', ['quill']),
      publisher('quill-family', ['quill*']),
      publisher('both-exact', ['quill', 'quill_derive']),
      publisher('update-only', ['quill'], { endpointScopes: ['publish-update'] }),
    ];
    expect(candidateNames(QUILL, [QUILL, QUILL_DERIVE, TOKIO], tokens)).toEqual([
      'quill-exact',
      'quill-family',
      'both-exact',
      'update-only',
    ]);
  });

  it('keeps a token that still publishes a crate without a configuration', () => {
    const tokens = [publisher('quill-family', ['quill*']), publisher('mixed', ['quill', 'tokio'])];
    expect(candidateNames(QUILL, [QUILL, QUILL_DERIVE, QUILL_YAML, TOKIO], tokens)).toEqual([]);
  });

  it('keeps a token covering a crate whose trusted publishing could not be read', () => {
    const unknown = crateFixture('quill_derive', {
      trustedPublishing: null,
      trustedPublishingUnknown: 'crates.io could not be reached',
    });
    expect(candidateNames(QUILL, [QUILL, unknown], [publisher('family', ['quill*'])])).toEqual([]);
  });

  it('keeps tokens with another job: yank, change owners, trusted publishing', () => {
    const tokens = [
      publisher('yanks', ['quill'], { endpointScopes: ['publish-update', 'yank'] }),
      publisher('owners', ['quill'], { endpointScopes: ['publish-update', 'change-owners'] }),
      publisher('configs', ['quill'], { endpointScopes: ['publish-update', 'trusted-publishing'] }),
      publisher('only-yank', ['quill'], { endpointScopes: ['yank'] }),
      publisher('no-scope', ['quill'], { endpointScopes: [] }),
    ];
    expect(candidateNames(QUILL, [QUILL], tokens)).toEqual([]);
  });

  it('never offers legacy, `*` or no-pattern tokens: they reach every crate', () => {
    const tokens = [
      publisher('legacy', null, { endpointScopes: null, status: 'legacy' }),
      publisher('legacy-quill', ['quill'], { endpointScopes: null, status: 'legacy' }),
      publisher('star', ['*']),
      publisher('star-and-quill', ['quill', '*']),
      publisher('no-pattern', null),
      publisher('empty', []),
    ];
    expect(candidateNames(QUILL, [QUILL], tokens)).toEqual([]);
  });

  it('keeps a token with a pattern that covers no owned crate, and one that does not cover this crate', () => {
    const tokens = [
      publisher('future-crate', ['quill', 'quill-next']),
      publisher('derive-only', ['quill_derive']),
    ];
    expect(candidateNames(QUILL, [QUILL, QUILL_DERIVE], tokens)).toEqual([]);
  });

  it('offers nothing while the crate itself has no configuration', () => {
    const bare = crateFixture('quill');
    expect(candidateNames(bare, [bare], [publisher('quill-exact', ['quill'])])).toEqual([]);
    const flagOnly = crateFixture('quill', {
      trustedPublishing: { githubConfigs: [], gitlabConfigs: [], trustpubOnly: true },
    });
    expect(candidateNames(flagOnly, [flagOnly], [publisher('quill-exact', ['quill'])])).toEqual([]);
  });

  it('takes only live tokens of an owning account on the crate registry, never imported ones', () => {
    const tokens = [
      publisher('expired', ['quill'], { status: 'expired' }),
      publisher('other-account', ['quill'], { accountId: 'b', key: 'b/other' }),
      publisher('other-registry', ['quill'], { registryName: 'my-registry' }),
      publisher('imported', ['quill'], { source: 'imported', accountId: null, key: 'imported/1' }),
      publisher('expiring', ['quill'], { status: 'expiring' }),
    ];
    expect(candidateNames(QUILL, [QUILL], tokens)).toEqual(['expiring']);
  });

  it("judges coverage by the token's own account's crates", () => {
    // Account b owns quill (on trusted publishing) and tokio (not); account a owns only quill.
    const quill = trustedCrateFixture('quill', { ownerAccountIds: ['a', 'b'] });
    const tokioOfB = crateFixture('quill-tokio', { ownerAccountIds: ['b'] });
    const tokens = [
      publisher('a-family', ['quill*']),
      publisher('b-family', ['quill*'], { accountId: 'b', key: 'b/family' }),
    ];
    expect(candidateNames(quill, [quill, tokioOfB], tokens)).toEqual(['a-family']);
  });
});

describe('hasTrustedPublishing', () => {
  it('needs at least one configuration of either provider', () => {
    expect(hasTrustedPublishing(QUILL)).toBe(true);
    expect(hasTrustedPublishing(TOKIO)).toBe(false);
    expect(hasTrustedPublishing(crateFixture('x', { trustedPublishing: null }))).toBe(false);
  });
});
