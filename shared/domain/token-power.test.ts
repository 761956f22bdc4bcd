import { describe, expect, it } from 'vitest';
import { describeTokenPower, patternCoverage } from './token-power';

const OWNED = ['serde_json', 'serde', 'tokio', 'serde-derive-x'];
const NOW = new Date('2026-01-31T09:15:00Z');
const IN_90_DAYS = '2026-05-01T09:15:00.000Z';

describe('patternCoverage', () => {
  it('lists the account crates a prefix matches and says it reaches future ones', () => {
    expect(patternCoverage('serde*', OWNED)).toEqual({
      matches: ['serde', 'serde-derive-x', 'serde_json'],
      coversFutureCrates: true,
      isWildcardAll: false,
    });
  });

  it('matches literally and case-sensitively', () => {
    expect(patternCoverage('serde_*', OWNED).matches).toEqual(['serde_json']);
    expect(patternCoverage('Serde*', OWNED).matches).toEqual([]);
    expect(patternCoverage('serde', OWNED)).toEqual({
      matches: ['serde'],
      coversFutureCrates: false,
      isWildcardAll: false,
    });
    expect(patternCoverage('newcrate', OWNED).matches).toEqual([]);
  });

  it('knows the wildcard and reaches nothing with an invalid pattern', () => {
    expect(patternCoverage('*', OWNED)).toEqual({
      matches: ['serde', 'serde-derive-x', 'serde_json', 'tokio'],
      coversFutureCrates: true,
      isWildcardAll: true,
    });
    expect(patternCoverage('1serde*', ['1serde'])).toEqual({
      matches: [],
      coversFutureCrates: false,
      isWildcardAll: false,
    });
  });
});

describe('describeTokenPower', () => {
  it('says what, on which crates, and for how long', () => {
    expect(
      describeTokenPower(
        { endpointScopes: ['publish-update'], cratePatterns: ['serde*'], expiresAt: IN_90_DAYS },
        ['serde', 'serde_json', 'tokio'],
        NOW,
        'UTC',
      ),
    ).toBe(
      'Can publish new versions of serde and serde_json, and of any future crate starting with serde; expires in 90 days',
    );
  });

  it('covers any crate when there are no patterns or a `*`', () => {
    const base = { endpointScopes: ['yank' as const], expiresAt: null };
    expect(describeTokenPower({ ...base, cratePatterns: [] }, OWNED, NOW)).toBe(
      'Can yank and unyank versions of any crate; never expires',
    );
    expect(describeTokenPower({ ...base, cratePatterns: ['tokio', '*'] }, OWNED, NOW)).toBe(
      'Can yank and unyank versions of any crate; never expires',
    );
  });

  it('joins several scopes and merges the two publish scopes', () => {
    expect(
      describeTokenPower(
        {
          endpointScopes: ['yank', 'publish-update', 'publish-new', 'change-owners'],
          cratePatterns: ['tokio'],
          expiresAt: '2026-02-01T09:15:00Z',
        },
        OWNED,
        NOW,
        'UTC',
      ),
    ).toBe(
      'Can publish new crates and new versions, yank and unyank versions and change owners of tokio; expires tomorrow',
    );
  });

  it('names crates that are not yours yet and prefixes that match none of yours', () => {
    expect(
      describeTokenPower(
        {
          endpointScopes: ['publish-new'],
          cratePatterns: ['newcrate', 'quill*', 'ferrous*'],
          expiresAt: '2026-01-31T20:00:00Z',
        },
        OWNED,
        NOW,
        'UTC',
      ),
    ).toBe(
      'Can publish new crates of newcrate (not yours yet), and of any crate starting with quill or ferrous; expires today',
    );
  });

  it('describes legacy, empty and expired tokens honestly', () => {
    expect(
      describeTokenPower({ endpointScopes: null, cratePatterns: null, expiresAt: null }, [], NOW),
    ).toBe('Can do everything your account can (legacy token), on any crate; never expires');
    expect(
      describeTokenPower({ endpointScopes: [], cratePatterns: [], expiresAt: null }, [], NOW),
    ).toBe('Can do nothing yet: choose at least one scope; never expires');
    expect(
      describeTokenPower(
        {
          endpointScopes: ['trusted-publishing'],
          cratePatterns: ['1bad'],
          expiresAt: '2026-01-01T00:00:00Z',
        },
        OWNED,
        NOW,
      ),
    ).toBe('Can manage trusted publishing of no crate (fix the patterns); already expired');
  });

  it('counts calendar days in the user zone', () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Berlin: an expiry on 2 Feb is "tomorrow" there.
    const lateNow = new Date('2026-01-31T23:30:00Z');
    const facts = {
      endpointScopes: ['yank' as const],
      cratePatterns: [],
      expiresAt: '2026-02-02T10:00:00Z',
    };
    expect(describeTokenPower(facts, [], lateNow, 'Europe/Berlin')).toContain('expires tomorrow');
    expect(describeTokenPower(facts, [], lateNow, 'UTC')).toContain('expires in 2 days');
  });

  it('says far expiries in years, not thousands of days (issue 13)', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const facts = {
      endpointScopes: ['yank' as const],
      cratePatterns: [],
      expiresAt: '2099-02-01T12:00:00Z',
    };
    const text = describeTokenPower(facts, [], now, 'UTC');
    expect(text).toContain('expires in about 73 years');
    expect(text).not.toMatch(/\d{4} days/);
    const yearFacts = { ...facts, expiresAt: '2027-01-01T12:00:00Z' };
    expect(describeTokenPower(yearFacts, [], now, 'UTC')).toContain('expires in 365 days');
  });
});
