import Snackbar from '@mui/material/Snackbar';

/** Long enough to read a sentence; the message is also announced by screen readers. */
const SHOW_MS = 6_000;

export interface Notice {
  readonly message: string;
  /** Changes with every notice, so a new one starts its own timer and transition. */
  readonly id: number;
}

export interface NoticeSnackbarProps {
  readonly notice: Notice | null;
  readonly onDismiss: () => void;
}

/** The snackbar that shows the current notice (notice.tsx owns which one). */
export function NoticeSnackbar({ notice, onDismiss }: NoticeSnackbarProps) {
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      message={notice?.message}
      autoHideDuration={SHOW_MS}
      // Bottom left, clear of the actions of a centred dialog.
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      onClose={(_event, reason) => {
        // A click elsewhere is not "I have read it"; time and Escape are.
        if (reason !== 'clickaway') onDismiss();
      }}
      slotProps={{ content: { role: 'status' } }}
    />
  );
}
