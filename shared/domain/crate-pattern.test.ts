import { describe, expect, it } from 'vitest';
import { checkCratePattern, cratePatternMatches, cratePatternsAllow } from './crate-pattern';

const name64 = `a${'b'.repeat(63)}`;
const name65 = `a${'b'.repeat(64)}`;

// [pattern, does crates.io's server accept it]
const validity: [string, boolean][] = [
  ['*', true],
  ['serde', true],
  ['serde*', true],
  ['serde_json', true],
  ['serde-json', true],
  ['Serde', true],
  ['a', true],
  ['a*', true],
  ['a1', true],
  ['tokio-1*', true],
  [name64, true],
  [`${name64}*`, true],
  [name65, false],
  [`${name65}*`, false],
  ['', false],
  ['**', false],
  ['1serde', false],
  ['1*', false],
  ['_serde', false],
  ['-serde', false],
  ['ser*de', false],
  ['*serde', false],
  ['serde**', false],
  ['serde json', false],
  ['serde.json', false],
  ['séréde', false],
  ['serde/json', false],
];

// [pattern, crate, matches]
const matching: [string, string, boolean][] = [
  ['*', 'anything', true],
  ['serde', 'serde', true],
  ['serde', 'serde_json', false],
  ['serde*', 'serde_json', true],
  ['serde*', 'serde', true],
  ['serde*', 'Serde', false],
  ['serde_*', 'serde-json', false],
  ['serde-*', 'serde-json', true],
  ['Serde', 'serde', false],
  ['tokio', 'tokio-util', false],
  ['1serde*', '1serde', false],
];

describe('crate patterns follow crates.io server rules', () => {
  it.each(validity)('%s valid: %s', (pattern, valid) => {
    expect(checkCratePattern(pattern).valid).toBe(valid);
  });

  it.each(matching)('%s matches %s: %s', (pattern, crate, expected) => {
    expect(cratePatternMatches(pattern, crate)).toBe(expected);
  });

  it('explains why a pattern is refused', () => {
    expect(checkCratePattern('1serde')).toEqual({
      valid: false,
      reason: 'A crate name must start with an ASCII letter.',
    });
    expect(checkCratePattern('ser*de')).toMatchObject({
      valid: false,
      reason: expect.stringContaining('`*`') as unknown,
    });
    expect(checkCratePattern(name65)).toMatchObject({
      valid: false,
      reason: expect.stringContaining('64') as unknown,
    });
  });

  it('null or empty patterns allow any crate', () => {
    expect(cratePatternsAllow(null, 'serde')).toBe(true);
    expect(cratePatternsAllow([], 'serde')).toBe(true);
    expect(cratePatternsAllow(['tokio*'], 'serde')).toBe(false);
    expect(cratePatternsAllow(['tokio*', 'serde'], 'serde')).toBe(true);
  });
});
