import Snackbar from '@mui/material/Snackbar';
import { createContext, use, useCallback, useState, type ReactNode } from 'react';

type Notify = (message: string) => void;

const NoticeContext = createContext<Notify | null>(null);

/** Long enough to read a sentence; the message is also announced by screen readers. */
const SHOW_MS = 6_000;

/**
 * One short confirmation at a time at the bottom of the window ("Signed in
 * as ferris on crates.io."), for outcomes that have no place on screen.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<{ message: string; id: number } | null>(null);
  const notify = useCallback<Notify>((message) => {
    setNotice((previous) => ({ message, id: (previous?.id ?? 0) + 1 }));
  }, []);
  return (
    <NoticeContext value={notify}>
      {children}
      <Snackbar
        key={notice?.id}
        open={notice !== null}
        message={notice?.message}
        autoHideDuration={SHOW_MS}
        // Bottom left, clear of the actions of a centred dialog.
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        onClose={(_event, reason) => {
          // A click elsewhere is not "I have read it"; time and Escape are.
          if (reason !== 'clickaway') setNotice(null);
        }}
        slotProps={{ content: { role: 'status' } }}
      />
    </NoticeContext>
  );
}

/** Shows a short confirmation; only valid below a `NoticeProvider`. */
export function useNotice(): Notify {
  const notify = use(NoticeContext);
  if (!notify) throw new Error('useNotice() needs a <NoticeProvider> above it.');
  return notify;
}
