import { describe, expect, it } from 'vitest';
import { rowRangeOf, rowViewportOf } from './row-range';

describe('rowViewportOf', () => {
  it('counts whole rows from the top, and the viewport in rows plus a partly shown one', () => {
    expect(rowViewportOf(0, 600, 60)).toEqual({ firstRow: 0, rows: 11 });
    expect(rowViewportOf(59, 600, 60)).toEqual({ firstRow: 0, rows: 11 });
    expect(rowViewportOf(60, 610, 60)).toEqual({ firstRow: 1, rows: 12 });
  });

  it('reads a bounce above the top as the top', () => {
    expect(rowViewportOf(-30, 0, 60)).toEqual({ firstRow: 0, rows: 1 });
  });
});

describe('rowRangeOf', () => {
  it('draws the rows in view and the overscan beyond each edge', () => {
    expect(rowRangeOf({ firstRow: 100, rows: 11 }, 5000, 6)).toEqual({ start: 94, end: 117 });
  });

  it('stops at either end of the list', () => {
    expect(rowRangeOf({ firstRow: 0, rows: 11 }, 5000, 6)).toEqual({ start: 0, end: 17 });
    expect(rowRangeOf({ firstRow: 4995, rows: 11 }, 5000, 6)).toEqual({ start: 4989, end: 5000 });
    expect(rowRangeOf({ firstRow: 0, rows: 11 }, 3, 6)).toEqual({ start: 0, end: 3 });
    expect(rowRangeOf({ firstRow: 0, rows: 11 }, 0, 6)).toEqual({ start: 0, end: 0 });
  });

  it('still draws the last rows when the list shrank under a scrolled viewport', () => {
    expect(rowRangeOf({ firstRow: 4000, rows: 11 }, 10, 6)).toEqual({ start: 4, end: 10 });
  });
});
