import { describe, expect, it } from 'vitest';
import { listedBefore } from './listed-before';

describe('listedBefore', () => {
  it('takes a token missing from the list but older than a listed one as revoked since', () => {
    expect(listedBefore(7, [{ id: 3 }, { id: 9 }])).toBe(true);
  });

  it('takes a token newer than every listed one as made after the list (just rotated), not revoked', () => {
    expect(listedBefore(12, [{ id: 3 }, { id: 9 }])).toBe(false);
    expect(listedBefore(12, [])).toBe(false);
  });
});
