import { TOKEN_COLUMNS } from './token-columns';

/*
 * The one size every row of the token list has. The list is virtualised by
 * arithmetic on this height, never by measuring rows, so each cell is made to
 * fit it: text on one line or two, cut with an ellipsis, chips and patterns
 * one to a line with "+N" for the rest. The styles (token-table-styles.ts)
 * and the cells (token-cells.tsx) both follow these numbers.
 */

/** A row's height in pixels, its separator line included. */
export const ROW_HEIGHT = 60;
export const CELL_PADDING_Y = 10;
/** Compact: narrow columns leave their text as much room as they can. */
export const CELL_PADDING_X = 8;
/** Lines of text (20 px each) or of chips (18 px and a 4 px gap) a cell holds. */
export const CELL_LINES = 2;
export const LINE_HEIGHT = (ROW_HEIGHT - 2 * CELL_PADDING_Y) / CELL_LINES;
/** Two chip lines and the gap between them fill two text lines exactly. */
export const CHIP_LINE_HEIGHT = 18;
export const CHIP_GAP_PX = 4;

/** Scope and "+N" chips: monospaced at this size, plus padding and border. */
export const CHIP_FONT_PX = 10;
export const CHIP_PADDING_X = 6;
export const CHIP_EXTRA_PX = 2 * CHIP_PADDING_X + 2;
export const PATTERN_FONT_PX = 12;
/** Each of a row's action buttons, and the empty place of one that does not apply. */
export const ROW_ACTION_WIDTH = 28;

function widthOf(id: (typeof TOKEN_COLUMNS)[number]['id']): number {
  return TOKEN_COLUMNS.find((column) => column.id === id)?.width ?? 0;
}

export const SCOPES_COLUMN_WIDTH = widthOf('scopes');
export const PATTERNS_COLUMN_WIDTH = widthOf('patterns');
