import { useState } from 'react';
import type { CargoStatus } from '../../../shared/domain/cargo-use';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotice } from '../../components/notice';
import { registryTextOf } from './registry-text';

export interface RemoveFromCargoDialogProps {
  /** The token cargo uses; null = closed. */
  readonly token: TokenView | null;
  /** cargo's name of the registry it uses the token for. */
  readonly registry: string;
  /** The credentials file, when known. */
  readonly file: string | null;
  readonly onRemoved: (status: CargoStatus) => void;
  readonly onClose: () => void;
}

/** Asks before taking a token out of cargo's credentials (the token itself stays valid). */
export function RemoveFromCargoDialog(props: RemoveFromCargoDialogProps) {
  const { token, registry, file, onRemoved, onClose } = props;
  const invoke = useInvoke();
  const notify = useNotice();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState({ token, registry, file });
  if (token !== null && token !== shown.token) setShown({ token, registry, file });
  const where = shown.file === null ? "cargo's credentials file" : shown.file;

  return (
    <ConfirmDialog
      open={token !== null}
      title={shown.token ? `Remove “${shown.token.name}” from cargo?` : ''}
      confirmLabel="Remove from cargo"
      onConfirm={async () => {
        if (token === null) return null;
        const answer = await invoke('cargo:remove', { registry });
        if (!answer.ok) return answer.error.message;
        onRemoved(answer.value);
        notify(`cargo no longer has a token for ${registryTextOf(registry)}.`);
        return null;
      }}
      onClose={onClose}
    >
      Cratekeeper takes the token for {registryTextOf(shown.registry)} out of {where} and leaves
      every other line as it is. cargo then asks for a token when you publish there. The token
      itself keeps working, and Cratekeeper keeps its secret.
    </ConfirmDialog>
  );
}
