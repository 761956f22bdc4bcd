/**
 * The list's columns. Widths are fixed (the name takes what is left) so that
 * columns do not jump while virtualised rows come and go during scrolling.
 */
export const TOKEN_COLUMNS = [
  { id: 'name', label: 'Name', width: undefined },
  { id: 'account', label: 'Account', width: 128 },
  { id: 'scopes', label: 'Endpoint scopes', width: 200 },
  { id: 'patterns', label: 'Crate patterns', width: 144 },
  { id: 'created', label: 'Created', width: 100 },
  { id: 'last-used', label: 'Last used', width: 140 },
  { id: 'expiry', label: 'Expiry', width: 150 },
  { id: 'status', label: 'Status', width: 104 },
  { id: 'actions', label: 'Actions', width: 156 },
] as const;

/** Below this width the table scrolls sideways instead of squeezing its cells. */
export const TOKEN_TABLE_MIN_WIDTH = 1276;
