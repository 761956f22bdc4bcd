import { lazyOverlay } from '../../components/lazy-overlay';
import { preloadable } from '../../components/preloadable';
import type { RevealSecretDialogProps } from './reveal-secret-dialog';

/** Reveal (reveal-secret-dialog.tsx), loaded on first use, not with the token list. */
export const LazyRevealSecretDialog = lazyOverlay(
  preloadable(() => import('./reveal-secret-dialog').then((module) => module.RevealSecretDialog)),
  (props: RevealSecretDialogProps) => props.token !== null,
);
