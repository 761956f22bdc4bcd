import { useState, type ReactNode } from 'react';
import type { Account } from '../../../../shared/domain/account';
import type { TokenView } from '../../../../shared/domain/token';
import { useInvoke } from '../../../api/invoke-safely';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useNotice } from '../../../components/notice';
import { accountTextOf } from '../token-format';

export interface RevokeTokenDialogProps {
  /** The token to revoke; null = closed. */
  readonly token: TokenView | null;
  readonly account: Account | undefined;
  /** After the registry confirmed: refresh the list. */
  readonly onRevoked: () => void;
  readonly onClose: () => void;
  /** Said before what stops working (the risk audit adds the last use and today's rights). */
  readonly explain?: (token: TokenView) => ReactNode;
}

/**
 * Asks before revoking, naming the token and its account. Revoking happens
 * once per press (never retried); the dialog stays open with the registry's
 * reason when it fails.
 */
export function RevokeTokenDialog({
  token,
  account,
  onRevoked,
  onClose,
  explain,
}: RevokeTokenDialogProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(token);
  if (token !== null && token !== shown) setShown(token);
  const owner = shown === null ? null : accountTextOf(shown, account);

  return (
    <ConfirmDialog
      open={token !== null}
      title={
        shown && owner ? `Revoke “${shown.name}” of ${owner.primary} on ${owner.secondary}?` : ''
      }
      confirmLabel="Revoke"
      tone="error"
      onConfirm={async () => {
        if (token === null) return null;
        const answer = await invoke('tokens:revoke', { key: token.key });
        if (!answer.ok) return answer.error.message;
        notify(`Revoked “${token.name}”.`);
        onRevoked();
        return null;
      }}
      onClose={onClose}
    >
      {shown !== null && explain?.(shown)} Anything that uses this token, such as cargo or a CI job,
      stops working at once. Revoking cannot be undone.
      {shown?.secretHeld === true && ' Cratekeeper also forgets the secret it holds.'}
    </ConfirmDialog>
  );
}
