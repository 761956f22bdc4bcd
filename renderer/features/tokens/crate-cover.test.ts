import { describe, expect, it } from 'vitest';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';
import { createCrateMatches, crateCoverTextOf } from './crate-cover';

describe('crateCoverTextOf', () => {
  it('names the covering pattern, any crate, or a legacy token', () => {
    expect(crateCoverTextOf('quill-core', { kind: 'pattern', pattern: 'quill*' })).toMatchObject({
      label: 'via quill*',
      name: 'Covers quill-core via quill*',
    });
    expect(crateCoverTextOf('quill-core', { kind: 'any-crate', pattern: '*' })).toMatchObject({
      label: 'any crate',
      name: 'Covers quill-core: any crate',
      hint: 'Its pattern * covers every crate, quill-core included.',
    });
    expect(crateCoverTextOf('quill-core', { kind: 'any-crate', pattern: null }).hint).toContain(
      'no crate pattern',
    );
    expect(crateCoverTextOf('quill-core', { kind: 'legacy', pattern: null })).toMatchObject({
      label: 'legacy',
      name: 'Covers quill-core: legacy token, every crate',
    });
    expect(crateCoverTextOf('quill-core', { kind: 'legacy', pattern: 'quill*' })).toMatchObject({
      label: 'legacy: quill*',
      name: 'Covers quill-core via quill* (legacy token)',
    });
  });
});

describe('createCrateMatches', () => {
  it('answers the same match object for a token while the crate name stays', () => {
    const family = tokenFixture('family', { cratePatterns: ['quill*'] });
    const other = tokenFixture('other', { cratePatterns: ['tokio'] });
    const matchOf = createCrateMatches('quill-core');
    const first = matchOf(family);
    expect(first).toEqual({ kind: 'pattern', pattern: 'quill*' });
    expect(matchOf(family)).toBe(first);
    expect(matchOf(other)).toBeNull();
    expect(createCrateMatches(null)(family)).toBeNull();
  });
});
