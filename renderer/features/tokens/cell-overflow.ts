/**
 * How many of a cell's items (scope chips, crate patterns) a fixed-height row
 * shows, and how many go behind a "+N" chip. Rows are all one height so the
 * list never measures them; a cell has room for `lines` items, one to a line
 * (in these narrow columns two never fit side by side). When some are left
 * out, the last line holds "+N", and also the item before it if that item's
 * estimated width leaves room for the chip.
 */
export interface CellOverflow {
  /** The items shown, from the first. */
  readonly shown: number;
  /** The items behind "+N" (0: no chip). */
  readonly hidden: number;
}

export interface CellRoom {
  readonly lines: number;
  /** The cell's width inside its padding, in pixels. */
  readonly lineWidth: number;
  /** The "+N" chip's width and the gap before it, in pixels. */
  readonly moreWidth: number;
}

/** `widths`: each item's estimated width in pixels, in order. */
export function cellOverflowOf(widths: readonly number[], room: CellRoom): CellOverflow {
  const count = widths.length;
  if (count <= room.lines) return { shown: count, hidden: 0 };
  const lastWidth = widths[room.lines - 1] ?? Infinity;
  const shown =
    Math.max(0, room.lines - 1) + (lastWidth + room.moreWidth <= room.lineWidth ? 1 : 0);
  return { shown, hidden: count - shown };
}

/**
 * A text's width in a monospaced font, from its length: scope and pattern
 * labels are set in one, so no measuring is needed. 0.62 em per character is
 * a little over the widest of the usual monospaced fonts (0.6 em), so an
 * estimate errs towards the "+N" chip rather than a clipped label.
 */
export function monoWidthOf(text: string, fontSizePx: number): number {
  return Math.ceil(text.length * fontSizePx * 0.62);
}
