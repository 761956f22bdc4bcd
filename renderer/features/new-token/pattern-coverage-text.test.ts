import { describe, expect, it } from 'vitest';
import { coverageText } from './pattern-coverage-text';

const OWNED = ['quill', 'quill_json', 'quill_derive', 'inkpot'];

describe('coverageText', () => {
  it('names the matches and the future crates of a prefix', () => {
    expect(coverageText('quill*', OWNED)).toBe(
      'Matches quill, quill_derive, quill_json; also any future crate starting with quill.',
    );
  });

  it('says an exact name matches only itself', () => {
    expect(coverageText('inkpot', OWNED)).toBe('Matches inkpot.');
    expect(coverageText('serde', OWNED)).toMatch(/^Matches none of your crates: only a crate/);
  });

  it('warns that * is every crate', () => {
    expect(coverageText('*', OWNED)).toMatch(/Every crate, present and future/);
  });

  it('still explains the pattern while the crates are unknown', () => {
    expect(coverageText('quill*', null)).toBe('Any crate starting with quill.');
  });
});
