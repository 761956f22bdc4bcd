import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, darken, lighten, type CSSObject, type Theme } from '@mui/material/styles';
import { memo } from 'react';
import { MONO_FONT } from '../../components/fonts';
import { TONES, toneColors } from '../../components/tone';
import { visuallyHidden } from '../../components/visually-hidden';
import { PINNED_COLUMNS, TOKEN_TABLE_MIN_WIDTH } from './token-columns';
import {
  CELL_PADDING_X,
  CELL_PADDING_Y,
  CHIP_FONT_PX,
  CHIP_GAP_PX,
  CHIP_LINE_HEIGHT,
  CHIP_PADDING_X,
  LINE_HEIGHT,
  PATTERN_FONT_PX,
  ROW_ACTION_WIDTH,
  ROW_HEIGHT,
} from './token-row-layout';

/** The scrolling region around the table. */
export const TOKEN_LIST_CLASS = 'ck-token-list';
/** The table; its rows are plain elements styled by class from here. */
export const TOKEN_TABLE_CLASS = 'ck-token-table';

/**
 * The list's styles, as one style sheet made once per theme. The page mounts
 * it while the list is on its way, so drawing the list does not include
 * making it. Rows are plain
 * elements styled by class rather than MUI components: a row that mounts
 * while scrolling through thousands must cost next to nothing. And not as an
 * `sx` prop either: emotion serialises an `sx` again on every render of its
 * component, and the table renders again on every keystroke of a search.
 * Class names are local to the table.
 */
export const TokenTableStyles = memo(function TokenTableStyles() {
  return <GlobalStyles styles={tokenListStyles} />;
});

function tokenListStyles(theme: Theme): CSSObject {
  const { palette, shape } = theme;
  return {
    [`.${TOKEN_LIST_CLASS}`]: {
      width: '100%',
      overflowX: 'auto',
      flex: 1,
      minHeight: 0,
      border: `1px solid ${palette.divider}`,
      borderRadius: Number(shape.borderRadius) * 2,
      backgroundColor: palette.background.paper,
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 2 },
    },
    [`.${TOKEN_TABLE_CLASS}`]: tokenTableStyles(theme),
  };
}

function tokenTableStyles(theme: Theme): CSSObject {
  const { palette, typography } = theme;
  const tones = Object.fromEntries(
    TONES.map((tone) => {
      const colors = toneColors(tone, palette.mode);
      return [
        `& .chip--${tone}`,
        { color: colors.text, backgroundColor: colors.background, borderColor: colors.border },
      ];
    }),
  );
  const divider = `inset 0 1px 0 ${palette.divider}`;
  const actionsEdge = `inset 1px 0 0 ${palette.divider}`;
  const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  return {
    width: '100%',
    // Separate borders: collapsed ones would scroll away from the sticky header.
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    minWidth: TOKEN_TABLE_MIN_WIDTH,
    // Every row exactly ROW_HEIGHT high: the virtualiser counts on it. Cells
    // hold at most two lines, and clip rather than grow should one not fit.
    '& tbody td': {
      ...typography.body2,
      lineHeight: `${String(LINE_HEIGHT)}px`,
      boxSizing: 'border-box',
      height: ROW_HEIGHT,
      maxHeight: ROW_HEIGHT,
      padding: `${String(CELL_PADDING_Y)}px ${String(CELL_PADDING_X)}px`,
      verticalAlign: 'top',
      overflow: 'hidden',
      color: palette.text.primary,
    },
    // A line between rows, drawn inside the top of each but the first, so it
    // adds no height. Not a bottom line cleared with `:last-of-type`: that
    // makes the browser restyle every row whenever one is added or removed,
    // which scrolling does every frame.
    '& tbody tr + tr td': { boxShadow: divider },
    '& tbody tr:hover td': { backgroundColor: palette.action.hover },
    // In a window too narrow for every column the table scrolls sideways; the
    // actions stay pinned at the right edge so Revoke and Rotate never hide.
    '& .actions': {
      position: 'sticky',
      right: 0,
      backgroundColor: palette.background.paper,
      boxShadow: actionsEdge,
    },
    '& tbody tr + tr td.actions': { boxShadow: `${actionsEdge}, ${divider}` },
    '& thead .actions': { zIndex: 3 },
    // Expiry and Status pinned beside the actions (token-columns.ts); an edge
    // before Expiry shows where the scrolled columns pass under them.
    '& .pin': { position: 'sticky', backgroundColor: palette.background.paper },
    ...Object.fromEntries(
      PINNED_COLUMNS.map((column, index) => [
        `& .pin--${column.id}`,
        index === 0 ? { right: column.right, boxShadow: actionsEdge } : { right: column.right },
      ]),
    ),
    '& tbody tr + tr td.pin': { boxShadow: divider },
    [`& tbody tr + tr td.pin--${PINNED_COLUMNS[0]?.id ?? 'expiry'}`]: {
      boxShadow: `${actionsEdge}, ${divider}`,
    },
    '& thead .pin': { zIndex: 3 },
    // The hover tint is translucent: laid over the opaque paper, not instead of it.
    '& tbody tr:hover td.pin': {
      backgroundColor: palette.background.paper,
      backgroundImage: `linear-gradient(${palette.action.hover}, ${palette.action.hover})`,
    },
    '& tbody tr:hover td.actions': {
      backgroundColor: palette.background.paper,
      backgroundImage: `linear-gradient(${palette.action.hover}, ${palette.action.hover})`,
    },
    ...headerStyles(theme),
    '& .name-cell': { display: 'flex', alignItems: 'flex-start', minWidth: 0 },
    // Two lines at most, then an ellipsis; the whole name is in the title.
    '& .name': {
      display: '-webkit-box',
      WebkitBoxOrient: 'vertical',
      WebkitLineClamp: 2,
      overflow: 'hidden',
      fontWeight: 650,
      overflowWrap: 'anywhere',
    },
    '& .line': { display: 'block', ...ellipsis },
    '& .sub': {
      ...typography.caption,
      lineHeight: `${String(LINE_HEIGHT)}px`,
      display: 'block',
      color: palette.text.secondary,
    },
    '& .muted': { color: palette.text.secondary },
    '& .nowrap': { whiteSpace: 'nowrap' },
    // Scope chips and crate patterns: one to a line, two lines, "+N" at the end.
    '& .cell-lines': {
      display: 'flex',
      flexDirection: 'column',
      gap: CHIP_GAP_PX,
      margin: 0,
      padding: 0,
      listStyle: 'none',
    },
    '& .cell-line': {
      display: 'flex',
      alignItems: 'center',
      gap: CHIP_GAP_PX,
      minWidth: 0,
      height: CHIP_LINE_HEIGHT,
    },
    '& .patterns': { gap: 0 },
    '& .patterns .cell-line': { height: LINE_HEIGHT },
    '& .pattern': {
      ...ellipsis,
      minWidth: 0,
      fontFamily: MONO_FONT,
      fontSize: PATTERN_FONT_PX,
    },
    '& .chip': {
      display: 'inline-flex',
      alignItems: 'center',
      gap: '3px',
      height: 22,
      padding: `0 ${String(CHIP_PADDING_X)}px`,
      borderRadius: 11,
      border: `1px solid ${palette.divider}`,
      fontSize: '0.75rem',
      lineHeight: 1,
      whiteSpace: 'nowrap',
      cursor: 'default',
    },
    '& .cell-line .chip': {
      flexShrink: 0,
      height: CHIP_LINE_HEIGHT,
      borderRadius: CHIP_LINE_HEIGHT / 2,
    },
    // A scope chip that does not fit is cut short rather than left to spill.
    '& .chip--scope, & .chip--more': {
      fontFamily: MONO_FONT,
      fontSize: CHIP_FONT_PX,
      color: palette.text.primary,
      borderColor: palette.mode === 'dark' ? 'rgba(255,255,255,0.23)' : 'rgba(0,0,0,0.2)',
    },
    '& .cell-line .chip--scope': {
      display: 'block',
      flexShrink: 1,
      minWidth: 0,
      lineHeight: `${String(CHIP_LINE_HEIGHT - 2)}px`,
      ...ellipsis,
    },
    '& .chip--more': {
      margin: 0,
      backgroundColor: palette.action.selected,
      cursor: 'pointer',
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 1 },
    },
    '& .chip--status, & .chip--warning-scope': { fontWeight: 650 },
    // The token cargo reads: the app's own colour, and its icon, beside the status.
    '& .chip--cargo': {
      fontWeight: 650,
      color: palette.mode === 'dark' ? palette.primary.light : palette.primary.dark,
      backgroundColor: alpha(palette.primary.main, palette.mode === 'dark' ? 0.16 : 0.08),
      borderColor: alpha(palette.primary.main, 0.5),
    },
    // The search names a crate this token's patterns cover: cut short rather than spill.
    '& .cell-line .chip--covers': {
      display: 'block',
      flexShrink: 1,
      minWidth: 0,
      lineHeight: `${String(CHIP_LINE_HEIGHT - 2)}px`,
      ...ellipsis,
    },
    '& .chip--covers': {
      fontFamily: MONO_FONT,
      fontSize: CHIP_FONT_PX,
      color: palette.mode === 'dark' ? palette.success.light : palette.success.dark,
      backgroundColor: alpha(palette.success.main, palette.mode === 'dark' ? 0.16 : 0.08),
      borderColor: alpha(palette.success.main, 0.5),
    },
    '& .row-icon': {
      display: 'inline-block',
      flexShrink: 0,
      width: '1em',
      height: '1em',
      fill: 'currentColor',
    },
    '& .chip svg': { fontSize: 14 },
    '& .held': {
      display: 'inline-flex',
      flexShrink: 0,
      marginTop: 2,
      marginLeft: '6px',
      color: palette.primary.main,
      cursor: 'default',
      '& svg': { fontSize: 16 },
    },
    // Five action places of ROW_ACTION_WIDTH in the Actions column (token-columns.ts).
    '& tbody td.actions': { paddingLeft: 4, paddingRight: 4, whiteSpace: 'nowrap' },
    '& .row-action-slot': {
      display: 'inline-block',
      width: ROW_ACTION_WIDTH,
      height: ROW_ACTION_WIDTH,
      margin: '-4px 0',
      verticalAlign: 'top',
    },
    '& .row-action': {
      display: 'inline-grid',
      placeItems: 'center',
      verticalAlign: 'top',
      width: ROW_ACTION_WIDTH,
      height: ROW_ACTION_WIDTH,
      margin: '-4px 0',
      padding: 0,
      border: 0,
      borderRadius: '50%',
      background: 'none',
      color: palette.text.secondary,
      cursor: 'pointer',
      '& svg': { fontSize: 20 },
      '&:hover': { backgroundColor: palette.action.hover, color: palette.text.primary },
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 1 },
    },
    '& .visually-hidden': visuallyHidden,
    ...tones,
  };
}

/**
 * The header row: plain `<th>` cells and sort buttons drawn as MUI's
 * TableCell (with the theme's head overrides, app-theme.ts) and
 * TableSortLabel drew them, plus a focus ring for keyboard users.
 */
function headerStyles(theme: Theme): CSSObject {
  const { palette, typography, transitions } = theme;
  // MUI's table cell line: the divider made opaque, then lightened or darkened.
  const opaqueDivider = alpha(palette.divider, 1);
  const headLine =
    palette.mode === 'light' ? lighten(opaqueDivider, 0.88) : darken(opaqueDivider, 0.68);
  return {
    '& thead th': {
      ...typography.body2,
      fontSize: '0.75rem',
      fontWeight: 650,
      lineHeight: typography.pxToRem(24),
      letterSpacing: '0.04em',
      textTransform: 'uppercase',
      whiteSpace: 'nowrap',
      textAlign: 'left',
      verticalAlign: 'bottom',
      padding: `${String(CELL_PADDING_Y)}px ${String(CELL_PADDING_X)}px`,
      borderBottom: `1px solid ${headLine}`,
      color: palette.text.secondary,
      backgroundColor: palette.background.paper,
      // The header stays in view as the rows scroll under it.
      position: 'sticky',
      top: 0,
      zIndex: 2,
    },
    '& .sort': {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'flex-start',
      position: 'relative',
      boxSizing: 'border-box',
      margin: 0,
      padding: 0,
      border: 0,
      borderRadius: 0,
      background: 'transparent',
      font: 'inherit',
      letterSpacing: 'inherit',
      textTransform: 'inherit',
      color: 'inherit',
      cursor: 'pointer',
      userSelect: 'none',
      verticalAlign: 'middle',
      appearance: 'none',
      '&:hover, &:focus': { color: palette.text.secondary },
      '&:hover .sort-icon': { opacity: 0.5 },
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 2 },
    },
    '& .sort--active, & .sort--active:hover, & .sort--active:focus': {
      color: palette.text.primary,
      '& .sort-icon': { opacity: 1, color: palette.text.secondary },
    },
    '& .sort-icon': {
      display: 'inline-block',
      flexShrink: 0,
      width: '1em',
      height: '1em',
      margin: '0 4px',
      fontSize: 18,
      fill: 'currentColor',
      opacity: 0,
      userSelect: 'none',
      transition: transitions.create(['opacity', 'transform'], {
        duration: transitions.duration.shorter,
      }),
    },
    // The arrow points down for descending, up for ascending.
    '& .sort-icon--asc': { transform: 'rotate(180deg)' },
  };
}
