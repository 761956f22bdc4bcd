import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** The confirming button's words: the action itself ("Sign out"), never "OK". */
  readonly confirmLabel: string;
  /** `error` for actions that forget something. */
  readonly tone?: 'primary' | 'error';
  /** Runs the action; resolves with an error message to show, or null when done. */
  readonly onConfirm: () => Promise<string | null>;
  readonly onClose: () => void;
}

/**
 * Asks before an action that cannot simply be undone. Stays open, with the
 * reason, when the action fails; cannot be dismissed while it runs.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, tone = 'primary', onConfirm, onClose } = props;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    const problem = await onConfirm();
    setPending(false);
    if (problem === null) onClose();
    else setError(problem);
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      maxWidth="xs"
      fullWidth
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={textId} component="div">
          {children}
        </DialogContentText>
        {error !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close} disabled={pending} autoFocus={tone === 'error'}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color={tone}
          loading={pending}
          // Focus on the action for a reversible one; on Cancel when it forgets something.
          autoFocus={tone === 'primary'}
          onClick={() => {
            void confirm();
          }}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
