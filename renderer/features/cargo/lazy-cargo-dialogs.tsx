import { lazyOverlay } from '../../components/lazy-overlay';
import { preloadable } from '../../components/preloadable';
import type { RemoveFromCargoDialogProps } from './remove-from-cargo-dialog';
import type { UseWithCargoDialogProps } from './use-with-cargo-dialog';

/** "Use with cargo" (use-with-cargo-dialog.tsx), loaded on first use, not with the token list. */
export const LazyUseWithCargoDialog = lazyOverlay(
  preloadable(() => import('./use-with-cargo-dialog').then((module) => module.UseWithCargoDialog)),
  (props: UseWithCargoDialogProps) => props.token !== null,
);

/** "Remove from cargo" (remove-from-cargo-dialog.tsx), loaded on first use. */
export const LazyRemoveFromCargoDialog = lazyOverlay(
  preloadable(() =>
    import('./remove-from-cargo-dialog').then((module) => module.RemoveFromCargoDialog),
  ),
  (props: RemoveFromCargoDialogProps) => props.token !== null,
);
