import { describe, expect, it } from 'vitest';
import { cellOverflowOf, monoWidthOf } from './cell-overflow';

const room = { lines: 2, lineWidth: 140, moreWidth: 36 };

describe('cellOverflowOf', () => {
  it('shows every item that has a line of its own', () => {
    expect(cellOverflowOf([], room)).toEqual({ shown: 0, hidden: 0 });
    expect(cellOverflowOf([200], room)).toEqual({ shown: 1, hidden: 0 });
    expect(cellOverflowOf([120, 130], room)).toEqual({ shown: 2, hidden: 0 });
  });

  it('puts the rest behind "+N", beside the last shown item when it fits', () => {
    expect(cellOverflowOf([120, 90, 80], room)).toEqual({ shown: 2, hidden: 1 });
    expect(cellOverflowOf([120, 104, 80, 40], room)).toEqual({ shown: 2, hidden: 2 });
  });

  it('gives the last line to "+N" alone when the item would not fit beside it', () => {
    expect(cellOverflowOf([120, 105, 80], room)).toEqual({ shown: 1, hidden: 2 });
    expect(cellOverflowOf([10, 10, 10], { ...room, lines: 1 })).toEqual({ shown: 1, hidden: 2 });
    expect(cellOverflowOf([120, 10, 10], { ...room, lines: 1 })).toEqual({ shown: 0, hidden: 3 });
  });
});

describe('monoWidthOf', () => {
  it('grows with the text and the font size, rounded up', () => {
    expect(monoWidthOf('', 11)).toBe(0);
    expect(monoWidthOf('yank', 11)).toBe(28);
    expect(monoWidthOf('yank', 12)).toBeGreaterThan(monoWidthOf('yank', 11));
  });
});
