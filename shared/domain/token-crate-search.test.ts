import { describe, expect, it } from 'vitest';
import { tokenFixture } from '../test-support/domain-fixtures';
import { coversCrate, crateMatchOf, looksLikeCrateName } from './token-crate-search';

describe('crateMatchOf', () => {
  it('finds prefix, exact, `*`, no-pattern and legacy tokens for quill-core', () => {
    const cases: [string, Parameters<typeof tokenFixture>[1]][] = [
      ['prefix', { cratePatterns: ['tokio', 'quill*'] }],
      ['exact', { cratePatterns: ['quill-core'] }],
      ['star', { cratePatterns: ['*'] }],
      ['none', { cratePatterns: null }],
      ['empty', { cratePatterns: [] }],
      ['legacy', { endpointScopes: null, cratePatterns: null }],
      ['legacy-star', { endpointScopes: null, cratePatterns: ['*'] }],
      ['legacy-prefix', { endpointScopes: null, cratePatterns: ['quill*'] }],
    ];
    expect(
      cases.map(([name, overrides]) => [
        name,
        crateMatchOf(tokenFixture(name, overrides), 'quill-core'),
      ]),
    ).toEqual([
      ['prefix', { kind: 'pattern', pattern: 'quill*' }],
      ['exact', { kind: 'pattern', pattern: 'quill-core' }],
      ['star', { kind: 'any-crate', pattern: '*' }],
      ['none', { kind: 'any-crate', pattern: null }],
      ['empty', { kind: 'any-crate', pattern: null }],
      ['legacy', { kind: 'legacy', pattern: null }],
      ['legacy-star', { kind: 'legacy', pattern: '*' }],
      ['legacy-prefix', { kind: 'legacy', pattern: 'quill*' }],
    ]);
  });

  it('names the most specific covering pattern', () => {
    const token = tokenFixture('t', { cratePatterns: ['*', 'q*', 'quill-core', 'quill*'] });
    expect(crateMatchOf(token, 'quill-core')).toEqual({ kind: 'any-crate', pattern: '*' });
    const narrow = tokenFixture('t', { cratePatterns: ['q*', 'quill*', 'quill-core'] });
    expect(crateMatchOf(narrow, 'quill-core')).toEqual({ kind: 'pattern', pattern: 'quill-core' });
  });

  it("follows crates.io's rules: case-sensitive, `-` is not `_`, patterns do not match longer names", () => {
    const token = tokenFixture('t', { cratePatterns: ['quill_core', 'Quill*', 'quill-core-x'] });
    expect(crateMatchOf(token, 'quill-core')).toBeNull();
    expect(crateMatchOf(token, 'Quill-core')).toEqual({ kind: 'pattern', pattern: 'Quill*' });
    const legacyElsewhere = tokenFixture('t', { endpointScopes: null, cratePatterns: ['tokio'] });
    expect(crateMatchOf(legacyElsewhere, 'quill-core')).toBeNull();
  });

  it('ignores queries that are not crate names, and trims the query', () => {
    const token = tokenFixture('t', { cratePatterns: null });
    for (const query of [
      '',
      ' ',
      '1quill',
      'quill*',
      'quill core',
      '-quill',
      'quill.core',
      'q'.repeat(65),
    ]) {
      expect(crateMatchOf(token, query)).toBeNull();
    }
    expect(crateMatchOf(token, '  quill ')).toEqual({ kind: 'any-crate', pattern: null });
    expect(crateMatchOf(token, 'q'.repeat(64))).not.toBeNull();
  });

  it('never matches imported tokens: their patterns are unknown', () => {
    const imported = tokenFixture('pasted', {
      source: 'imported',
      accountId: null,
      tokenId: null,
      endpointScopes: null,
      cratePatterns: null,
      key: 'imported/1',
    });
    expect(crateMatchOf(imported, 'quill')).toBeNull();
  });
});

describe('coversCrate', () => {
  it('agrees with crateMatchOf on every kind of token', () => {
    const tokens = [
      tokenFixture('prefix', { cratePatterns: ['quill*'] }),
      tokenFixture('other', { cratePatterns: ['tokio', 'quill_*'] }),
      tokenFixture('star', { cratePatterns: ['*'] }),
      tokenFixture('none', { cratePatterns: null }),
      tokenFixture('legacy', { endpointScopes: null, cratePatterns: [] }),
      tokenFixture('legacy-elsewhere', { endpointScopes: null, cratePatterns: ['tokio'] }),
      tokenFixture('imported', { source: 'imported', endpointScopes: null, cratePatterns: null }),
    ];
    for (const token of tokens) {
      expect(coversCrate(token, 'quill-core'), token.name).toBe(
        crateMatchOf(token, 'quill-core') !== null,
      );
    }
  });
});

describe('looksLikeCrateName', () => {
  it('accepts a letter followed by letters, digits, - and _', () => {
    expect(looksLikeCrateName('serde_json')).toBe(true);
    expect(looksLikeCrateName('a1-b')).toBe(true);
    expect(looksLikeCrateName('9lives')).toBe(false);
    expect(looksLikeCrateName('ci token')).toBe(false);
  });
});
