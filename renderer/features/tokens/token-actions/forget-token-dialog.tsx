import { useState } from 'react';
import type { TokenView } from '../../../../shared/domain/token';
import { useInvoke } from '../../../api/invoke-safely';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useNotice } from '../../../components/notice';

export interface ForgetTokenDialogProps {
  /** The imported token to forget; null = closed. */
  readonly token: TokenView | null;
  /** After the core forgot it: refresh the list. */
  readonly onForgotten: () => void;
  readonly onClose: () => void;
}

/**
 * Asks before forgetting an imported token: its row and the secret the app
 * holds go, the token itself keeps working on its registry (the app cannot
 * revoke what it did not list), so the dialog says where to revoke it.
 */
export function ForgetTokenDialog({ token, onForgotten, onClose }: ForgetTokenDialogProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(token);
  if (token !== null && token !== shown) setShown(token);

  return (
    <ConfirmDialog
      open={token !== null}
      title={shown ? `Forget “${shown.name}”?` : ''}
      confirmLabel="Forget"
      tone="error"
      onConfirm={async () => {
        if (token === null) return null;
        const answer = await invoke('tokens:forget', { key: token.key });
        if (!answer.ok) return answer.error.message;
        notify(`Forgot “${token.name}”.`);
        onForgotten();
        return null;
      }}
      onClose={onClose}
    >
      Cratekeeper removes this imported token from the list
      {shown?.secretHeld === true ? ' and forgets the secret it holds' : ''}. The token itself keeps
      working on {shown?.registryName ?? 'its registry'}: revoke it on the registry’s website if
      nothing needs it any more.
    </ConfirmDialog>
  );
}
