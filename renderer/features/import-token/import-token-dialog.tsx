import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { lazyOverlay } from '../../components/lazy-overlay';
import { preloadable } from '../../components/preloadable';

export interface ImportTokenDialogProps {
  readonly open: boolean;
  /** Known accounts: another registry's cargo name is suggested from them. */
  readonly accounts: readonly Account[];
  readonly onImported: (token: TokenView) => void;
  readonly onClose: () => void;
}

/**
 * "Import token" (import-dialog.tsx), loaded on first use: its checks (date
 * parsing, the contract's rules) are not needed to show the token list.
 */
export const ImportTokenDialog = lazyOverlay(
  preloadable(() => import('./import-dialog').then((module) => module.ImportDialog)),
  (props: ImportTokenDialogProps) => props.open,
);
