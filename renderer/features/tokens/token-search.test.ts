import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';
import {
  crateNameOf,
  createHaystacks,
  createTokenSearch,
  haystackOf,
  searchWordsOf,
} from './token-search';

function token(name: string, cratePatterns: string[] | null = null): TokenView {
  return tokenFixture(name, { cratePatterns });
}

const tokens = [
  token('CI publish', ['serde', 'serde_*']),
  token('Laptop', ['my-cli']),
  token('Release bot', ['tokio-*']),
];
const names = (list: readonly TokenView[]) => list.map((entry) => entry.name);

describe('searchWordsOf', () => {
  it('lower-cases and splits on any white space', () => {
    expect(searchWordsOf('  CI\tSerde \n')).toEqual(['ci', 'serde']);
    expect(searchWordsOf('   ')).toEqual([]);
  });
});

describe('haystackOf', () => {
  it('holds the name and every pattern, lower-cased, one to a line', () => {
    expect(haystackOf({ name: 'CI Publish', cratePatterns: ['Serde', 'tokio-*'] })).toBe(
      'ci publish\nserde\ntokio-*',
    );
    expect(haystackOf({ name: 'Laptop', cratePatterns: null })).toBe('laptop');
  });
});

describe('createTokenSearch', () => {
  it('finds every word in the name or a pattern, never across the two', () => {
    const search = createTokenSearch(tokens);
    expect(names(search('ci serde'))).toEqual(['CI publish']);
    expect(names(search('TOKIO'))).toEqual(['Release bot']);
    expect(names(search('publish\nserde'))).toEqual(['CI publish']);
    expect(search('bot tokio-*x')).toEqual([]);
    expect(search('ishserde')).toEqual([]);
  });

  it('answers the list itself for no words, and the same array again for the same words', () => {
    const search = createTokenSearch(tokens);
    expect(search('')).toBe(tokens);
    const first = search('ci serde');
    expect(search(' CI  SERDE ')).toBe(first);
    const crate = search('serde');
    expect(search(' serde ')).toBe(crate);
  });

  it('normalises each token once, however often the list is searched or re-sorted', () => {
    let made = 0;
    const counted = tokens.map((entry) => ({
      ...entry,
      get name() {
        made += 1;
        return entry.name;
      },
    }));
    const haystacks = createHaystacks(counted);
    expect(made).toBe(0);
    createTokenSearch(counted, haystacks)('l');
    createTokenSearch(counted, haystacks)('la');
    createTokenSearch([...counted].reverse(), haystacks)('lap');
    expect(made).toBe(counted.length);
  });

  it('keeps the order of the list it searches', () => {
    const reversed = [...tokens].reverse();
    expect(names(createTokenSearch(reversed)('e'))).toEqual(['Release bot', 'CI publish']);
  });
});

describe('createTokenSearch on a list searched once', () => {
  it('returns the same list for an empty or blank query', () => {
    expect(createTokenSearch(tokens)('')).toBe(tokens);
    expect(createTokenSearch(tokens)('   ')).toBe(tokens);
  });

  it('matches names regardless of case', () => {
    expect(names(createTokenSearch(tokens)('laptop'))).toEqual(['Laptop']);
  });

  it('matches crate patterns', () => {
    expect(names(createTokenSearch(tokens)('tokio'))).toEqual(['Release bot']);
    expect(names(createTokenSearch(tokens)('serde_'))).toEqual(['CI publish']);
  });

  it('needs every word to match, in the name or a pattern', () => {
    expect(names(createTokenSearch(tokens)('ci serde'))).toEqual(['CI publish']);
    expect(names(createTokenSearch(tokens)('ci tokio'))).toEqual([]);
  });
});

describe('createTokenSearch by crate', () => {
  const covering = [
    token('family', ['quill*']),
    token('exact', ['quill-core']),
    token('everything', ['*']),
    token('unscoped patterns', null),
    tokenFixture('old', { endpointScopes: null, cratePatterns: null, status: 'legacy' }),
    tokenFixture('old tokio', { endpointScopes: null, cratePatterns: ['tokio'], status: 'legacy' }),
    token('underscore', ['quill_core']),
    token('other', ['tokio', 'serde*']),
    tokenFixture('pasted', {
      source: 'imported',
      accountId: null,
      tokenId: null,
      endpointScopes: null,
      cratePatterns: null,
    }),
  ];

  it('finds the tokens whose patterns cover a crate name: prefix, exact, `*`, none, legacy', () => {
    expect(names(createTokenSearch(covering)('quill-core'))).toEqual([
      'family',
      'exact',
      'everything',
      'unscoped patterns',
      'old',
    ]);
  });

  it('keeps finding names and patterns by text as before', () => {
    // "tokio" is a crate name too: the any-crate and legacy tokens cover it.
    expect(names(createTokenSearch(covering)('tokio'))).toEqual([
      'everything',
      'unscoped patterns',
      'old',
      'old tokio',
      'other',
    ]);
    // Text search ignores case; crates.io's matching does not: `quill*` covers no
    // crate `QUILL`, the text finds it, and the any-crate and legacy tokens cover it.
    expect(names(createTokenSearch(covering)('QUILL'))).toEqual([
      'family',
      'exact',
      'everything',
      'unscoped patterns',
      'old',
      'underscore',
    ]);
    // More than one word is never a crate name.
    expect(names(createTokenSearch(covering)('old tokio'))).toEqual(['old tokio']);
    // Not a crate name: `*` searches pattern text only.
    expect(names(createTokenSearch(covering)('quill*'))).toEqual(['family']);
  });

  it('answers the same array for the same crate name, and another for another case', () => {
    const search = createTokenSearch(covering);
    const first = search('quill');
    expect(search(' quill ')).toBe(first);
    expect(search('Quill')).not.toBe(first);
  });
});

describe('crateNameOf', () => {
  it('is the trimmed query when it could be a crate name', () => {
    expect(crateNameOf('  quill-core ')).toBe('quill-core');
    expect(crateNameOf('Quill_2')).toBe('Quill_2');
    expect(crateNameOf('quill core')).toBeNull();
    expect(crateNameOf('2quill')).toBeNull();
    expect(crateNameOf('quill*')).toBeNull();
    expect(crateNameOf('')).toBeNull();
  });
});
