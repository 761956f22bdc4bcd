import { createTheme, type Theme } from '@mui/material/styles';
import { MONO_FONT, UI_FONT } from '../components/fonts';

export type ColorMode = 'light' | 'dark';

/** The app's look in light or dark mode: a calm, dense desktop UI on the OS fonts. */
export function createAppTheme(mode: ColorMode): Theme {
  const dark = mode === 'dark';
  return createTheme({
    palette: {
      mode,
      primary: { main: dark ? '#9db1ff' : '#3451c7' },
      background: dark
        ? { default: '#141619', paper: '#1b1e22' }
        : { default: '#f5f6f8', paper: '#ffffff' },
      divider: dark ? 'rgba(255, 255, 255, 0.1)' : 'rgba(15, 23, 42, 0.1)',
      // AA for normal-size text, so coloured buttons and alerts stay readable.
      contrastThreshold: 4.5,
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: UI_FONT,
      // Desktop density: 13px, as native apps use, rather than the web's 14px.
      fontSize: 13,
      h5: { fontWeight: 650, letterSpacing: '-0.01em' },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // A desktop window: the page never scrolls, its lists do.
          'html, body, #root': { height: '100%', overflow: 'hidden' },
          'code, kbd': { fontFamily: MONO_FONT, fontSize: '0.9em', whiteSpace: 'nowrap' },
        },
      },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTooltip: { defaultProps: { enterDelay: 400 } },
      MuiTableCell: {
        styleOverrides: {
          root: { verticalAlign: 'top', padding: '10px 12px' },
          head: ({ theme }) => ({
            fontSize: '0.75rem',
            fontWeight: 650,
            textTransform: 'uppercase',
            letterSpacing: '0.04em',
            color: theme.palette.text.secondary,
            backgroundColor: theme.palette.background.paper,
            verticalAlign: 'bottom',
            whiteSpace: 'nowrap',
          }),
        },
      },
    },
  });
}
