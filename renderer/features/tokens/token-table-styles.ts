import type { SxProps, Theme } from '@mui/material/styles';
import { MONO_FONT } from '../../components/fonts';
import { TONES, toneColors } from '../../components/tone';
import { visuallyHidden } from '../../components/visually-hidden';
import { TOKEN_TABLE_MIN_WIDTH } from './token-columns';

/**
 * Rows are plain elements styled by class from here, once per table, rather
 * than MUI components: a row that mounts while scrolling through thousands
 * must cost next to nothing. Class names are local to the table.
 */
export function tokenTableSx(theme: Theme): SxProps<Theme> {
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
  return {
    tableLayout: 'fixed',
    minWidth: TOKEN_TABLE_MIN_WIDTH,
    '& tbody td': {
      ...typography.body2,
      padding: '10px 12px',
      verticalAlign: 'top',
      color: palette.text.primary,
    },
    // A line between rows, drawn above each but the first. Not a bottom line
    // cleared with `:last-of-type`: that makes the browser restyle every row
    // whenever one is added or removed, which scrolling does every frame.
    '& tbody tr + tr td': { borderTop: `1px solid ${palette.divider}` },
    '& tbody tr:hover td': { backgroundColor: palette.action.hover },
    // In a window too narrow for every column the table scrolls sideways; the
    // actions stay pinned at the right edge so Revoke and Rotate never hide.
    '& .actions': {
      position: 'sticky',
      right: 0,
      backgroundColor: palette.background.paper,
      boxShadow: `inset 1px 0 0 ${palette.divider}`,
    },
    '& thead .actions': { zIndex: 3 },
    // The hover tint is translucent: laid over the opaque paper, not instead of it.
    '& tbody tr:hover td.actions': {
      backgroundColor: palette.background.paper,
      backgroundImage: `linear-gradient(${palette.action.hover}, ${palette.action.hover})`,
    },
    '& .name': { fontWeight: 650, overflowWrap: 'anywhere' },
    '& .line': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' },
    '& .sub': { ...typography.caption, display: 'block', color: palette.text.secondary },
    '& .muted': { color: palette.text.secondary },
    '& .nowrap': { whiteSpace: 'nowrap' },
    '& .patterns': { margin: 0, padding: 0, listStyle: 'none' },
    '& .pattern': { fontFamily: MONO_FONT, fontSize: '0.75rem', overflowWrap: 'anywhere' },
    '& .chips': { display: 'flex', flexWrap: 'wrap', gap: '4px' },
    '& .chip': {
      display: 'inline-flex',
      alignItems: 'center',
      gap: '3px',
      height: 22,
      padding: '0 8px',
      borderRadius: 11,
      border: `1px solid ${palette.divider}`,
      fontSize: '0.75rem',
      lineHeight: 1,
      whiteSpace: 'nowrap',
      cursor: 'default',
    },
    '& .chip--scope': {
      fontFamily: MONO_FONT,
      fontSize: '0.6875rem',
      color: palette.text.primary,
      borderColor: palette.mode === 'dark' ? 'rgba(255,255,255,0.23)' : 'rgba(0,0,0,0.2)',
    },
    '& .chip--status, & .chip--warning-scope': { fontWeight: 650 },
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
      verticalAlign: '-3px',
      marginLeft: '6px',
      color: palette.primary.main,
      cursor: 'default',
      '& svg': { fontSize: 16 },
    },
    '& .row-action': {
      display: 'inline-grid',
      placeItems: 'center',
      width: 30,
      height: 30,
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
