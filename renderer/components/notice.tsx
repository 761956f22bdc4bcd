import { createContext, use, useCallback, useState, type ReactNode } from 'react';
import { lazyOverlay } from './lazy-overlay';
import type { Notice, NoticeSnackbarProps } from './notice-snackbar';
import { preloadable } from './preloadable';

type Notify = (message: string) => void;

const NoticeContext = createContext<Notify | null>(null);

// The snackbar's code loads when idle or with the first notice: none shows at start.
const NoticeSnackbar = lazyOverlay(
  preloadable(() => import('./notice-snackbar').then((module) => module.NoticeSnackbar)),
  (props: NoticeSnackbarProps) => props.notice !== null,
);

/**
 * One short confirmation at a time at the bottom of the window ("Signed in
 * as ferris on crates.io."), for outcomes that have no place on screen.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>((message) => {
    setNotice((previous) => ({ message, id: (previous?.id ?? 0) + 1 }));
  }, []);
  const dismiss = useCallback(() => {
    setNotice(null);
  }, []);
  return (
    <NoticeContext value={notify}>
      {children}
      <NoticeSnackbar notice={notice} onDismiss={dismiss} />
    </NoticeContext>
  );
}

/** Shows a short confirmation; only valid below a `NoticeProvider`. */
export function useNotice(): Notify {
  const notify = use(NoticeContext);
  if (!notify) throw new Error('useNotice() needs a <NoticeProvider> above it.');
  return notify;
}
