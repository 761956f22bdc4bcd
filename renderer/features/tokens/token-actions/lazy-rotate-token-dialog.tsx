import { lazyOverlay } from '../../../components/lazy-overlay';
import { preloadable } from '../../../components/preloadable';
import type { RotateTokenDialogProps } from './rotate-token-dialog';

/**
 * Rotate (rotate-token-dialog.tsx), loaded on first use: its Custom expiry
 * brings the date pickers, which the token list does not need to appear.
 */
export const LazyRotateTokenDialog = lazyOverlay(
  preloadable(() => import('./rotate-token-dialog').then((module) => module.RotateTokenDialog)),
  (props: RotateTokenDialogProps) => props.token !== null,
);
