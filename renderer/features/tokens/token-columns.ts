/**
 * The list's columns. Widths are fixed (the name takes what is left) so that
 * columns do not jump while virtualised rows come and go during scrolling.
 */
export const TOKEN_COLUMNS = [
  { id: 'name', label: 'Name', width: undefined },
  { id: 'account', label: 'Account', width: 120 },
  { id: 'scopes', label: 'Endpoint scopes', width: 164 },
  { id: 'patterns', label: 'Crate patterns', width: 136 },
  { id: 'created', label: 'Created', width: 96 },
  { id: 'last-used', label: 'Last used', width: 136 },
  { id: 'expiry', label: 'Expiry', width: 136 },
  { id: 'status', label: 'Status', width: 104 },
  // Five fixed places: secret, cargo, Regenerate, Rotate, Revoke (ROW_ACTION_WIDTH each).
  { id: 'actions', label: 'Actions', width: 156 },
] as const;

/**
 * Below this width the table scrolls sideways instead of squeezing its cells
 * (with the actions pinned); it fits the default 1320-pixel window.
 */
export const TOKEN_TABLE_MIN_WIDTH = 1180;
