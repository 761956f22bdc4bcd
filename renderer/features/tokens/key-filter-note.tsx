import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';

export interface KeyFilterNoteProps {
  /** How many tokens the list is limited to; null when it is not. */
  readonly count: number | null;
  readonly onClear: () => void;
}

/**
 * Says that the list shows only the tokens that need attention (the banner's
 * "and N more", or a notification about several), with the way back.
 */
export function KeyFilterNote({ count, onClear }: KeyFilterNoteProps) {
  if (count === null) return null;
  return (
    <Alert
      severity="info"
      variant="outlined"
      sx={{ py: 0, alignItems: 'center' }}
      action={
        <Button color="inherit" size="small" onClick={onClear}>
          Show all tokens
        </Button>
      }
    >
      Showing only the {count === 1 ? 'token' : `${String(count)} tokens`} that need attention.
    </Alert>
  );
}
