import type { VaultStatus } from '../../../shared/domain/vault';
import { ChoosePassphraseDialog } from './choose-passphrase-dialog';
import { UnlockDialog } from './unlock-dialog';

export interface VaultDialogProps {
  readonly status: VaultStatus;
  readonly open: boolean;
  /** The core's answer after unlocking or choosing a passphrase. */
  readonly onStatus: (status: VaultStatus) => void;
  readonly onDismiss: () => void;
}

/** The one dialog a vault that cannot be used calls for. */
export function VaultDialog({ status, open, onStatus, onDismiss }: VaultDialogProps) {
  if (status.state === 'needs-passphrase') {
    return (
      <ChoosePassphraseDialog
        open={open}
        status={status}
        onStatus={onStatus}
        onDismiss={onDismiss}
      />
    );
  }
  return (
    <UnlockDialog
      open={open && status.state === 'locked'}
      status={status}
      onStatus={onStatus}
      onDismiss={onDismiss}
    />
  );
}
