import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import type { CargoWritePlan } from '../../../shared/domain/cargo-use';
import { MONO_FONT } from '../../components/fonts';
import { toneColors } from '../../components/tone';
import { visuallyHidden } from '../../components/visually-hidden';

type ChangeLine = CargoWritePlan['change'][number];

/** The sign in front of each line, as in a diff: the change reads without its colours. */
const MARK: Record<ChangeLine['kind'], string> = { context: ' ', removed: '-', added: '+' };
/** What a screen reader says before a line instead of the sign. */
const SPOKEN: Record<ChangeLine['kind'], string> = {
  context: 'Unchanged: ',
  removed: 'Removed: ',
  added: 'Added: ',
};

function lineSx(kind: ChangeLine['kind']) {
  return (theme: Theme) => {
    if (kind === 'context') return { color: theme.palette.text.secondary };
    const colors = toneColors(kind === 'added' ? 'success' : 'danger', theme.palette.mode);
    return { color: colors.text, backgroundColor: colors.background };
  };
}

/**
 * The lines of cargo's credentials file around the change, as a diff with
 * the secret masked by the core: removed lines marked "-", added "+", the
 * rest as context, in monospace.
 */
export function CargoChangeView({ file, lines }: { file: string; lines: readonly ChangeLine[] }) {
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <Typography component="figcaption" variant="body2" sx={{ mb: 0.5, fontWeight: 600 }}>
        The change to {fileNameOf(file)}, secret hidden
      </Typography>
      <Box
        component="pre"
        sx={(theme) => ({
          m: 0,
          py: 1,
          overflowX: 'auto',
          fontFamily: MONO_FONT,
          fontSize: 13,
          lineHeight: 1.6,
          border: `1px solid ${theme.palette.divider}`,
          borderRadius: 1,
          backgroundColor: theme.palette.action.hover,
        })}
      >
        {lines.map((line, index) => (
          <Box
            component="span"
            key={index}
            sx={[{ display: 'block', px: 1.5, whiteSpace: 'pre' }, lineSx(line.kind)]}
          >
            <span style={visuallyHidden}>{SPOKEN[line.kind]}</span>
            <span aria-hidden="true">{MARK[line.kind]} </span>
            {line.text === '' ? ' ' : line.text}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** The last part of a path, whichever separator the OS uses. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
