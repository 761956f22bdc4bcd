/** Rows to draw: from `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** Where a scroller stands, in whole rows: what the drawn rows depend on. */
export interface RowViewport {
  /** The row at the top edge of the viewport. */
  readonly firstRow: number;
  /** How many rows the viewport holds, a partly shown one included. */
  readonly rows: number;
}

/**
 * The viewport in rows, for rows all `rowHeight` high. Scrolling within a row
 * gives an equal answer, so the rows are drawn again only when one crosses an
 * edge.
 */
export function rowViewportOf(scrollTop: number, height: number, rowHeight: number): RowViewport {
  return {
    firstRow: Math.max(0, Math.floor(scrollTop / rowHeight)),
    rows: Math.max(0, Math.ceil(height / rowHeight) + 1),
  };
}

/** The rows to draw for a viewport: those in view, plus `overscan` beyond each edge. */
export function rowRangeOf(viewport: RowViewport, count: number, overscan: number): RowRange {
  const end = Math.min(count, viewport.firstRow + viewport.rows + overscan);
  const start = Math.max(0, Math.min(viewport.firstRow, end) - overscan);
  return { start, end: Math.max(start, end) };
}
