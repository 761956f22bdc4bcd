import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, type Theme } from '@mui/material/styles';
import { TOKEN_TABLE_CLASS } from './token-table-styles';

/** The row at a position of the token table (its `aria-rowindex` counts the header as 1). */
export function targetRowSelector(index: number): string {
  return `tbody tr[aria-rowindex="${String(index + 2)}"]`;
}

/**
 * Highlights the row a notification or the banner pointed at: a tint laid
 * over the opaque paper (the pinned actions cell must stay opaque) and a
 * focus ring inside the row. By position, so the memoised rows are untouched.
 */
export function TargetRowStyles({ index }: { index: number }) {
  return (
    <GlobalStyles
      styles={(theme: Theme) => {
        const tint = alpha(theme.palette.primary.main, theme.palette.mode === 'dark' ? 0.24 : 0.12);
        const row = `.${TOKEN_TABLE_CLASS} ${targetRowSelector(index)}`;
        return {
          [`${row} td`]: {
            backgroundColor: theme.palette.background.paper,
            backgroundImage: `linear-gradient(${tint}, ${tint})`,
          },
          [`${row}:focus`]: {
            outline: `2px solid ${theme.palette.primary.main}`,
            outlineOffset: -2,
          },
        };
      }}
    />
  );
}
