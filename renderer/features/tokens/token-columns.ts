/**
 * The list's columns. Widths are fixed (the name takes what is left) so that
 * columns do not jump while virtualised rows come and go during scrolling.
 * Compact enough that at the default 1320-pixel window every column fits
 * with room for the name; below that see TOKEN_TABLE_MIN_WIDTH.
 */
export const TOKEN_COLUMNS = [
  { id: 'name', label: 'Name', width: undefined },
  { id: 'account', label: 'Account', width: 104 },
  { id: 'scopes', label: 'Endpoint scopes', width: 144 },
  { id: 'patterns', label: 'Crate patterns', width: 120 },
  { id: 'created', label: 'Created', width: 92 },
  { id: 'last-used', label: 'Last used', width: 112 },
  { id: 'expiry', label: 'Expiry', width: 116 },
  { id: 'status', label: 'Status', width: 100 },
  // Five fixed places: secret, cargo, Regenerate, Rotate, Revoke (ROW_ACTION_WIDTH each).
  { id: 'actions', label: 'Actions', width: 148 },
] as const;

export type TokenColumnId = (typeof TOKEN_COLUMNS)[number]['id'];

function widthOf(id: TokenColumnId): number {
  return TOKEN_COLUMNS.find((column) => column.id === id)?.width ?? 0;
}

/**
 * Columns pinned to the right edge with the actions, and their distance from
 * it: in an app about expiry, Expiry and Status stay in view in a narrow
 * window (1024 px, issue 13) while the columns before them scroll sideways.
 */
export const PINNED_COLUMNS: readonly { readonly id: TokenColumnId; readonly right: number }[] = [
  { id: 'expiry', right: widthOf('actions') + widthOf('status') },
  { id: 'status', right: widthOf('actions') },
];

/**
 * Below this width the table scrolls sideways instead of squeezing its cells,
 * with Expiry, Status and the actions pinned; the name keeps at least 150 px.
 */
export const TOKEN_TABLE_MIN_WIDTH =
  150 + TOKEN_COLUMNS.reduce((sum, column) => sum + (column.width ?? 0), 0);
