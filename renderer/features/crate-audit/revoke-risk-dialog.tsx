import { useState } from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotice } from '../../components/notice';
import { useNow } from '../../hooks/use-now';
import { useAccounts } from '../accounts/accounts-context';
import { accountTextOf } from '../tokens/token-format';
import { currentPowerSentence, lastUseSentence } from './revoke-text';

export interface RevokeRiskDialogProps {
  /** The token to revoke; null = closed. */
  readonly token: TokenView | null;
  /** The crates, for what the token can do today. */
  readonly crates: readonly CrateView[];
  /** After the registry confirmed. */
  readonly onRevoked: () => void;
  readonly onClose: () => void;
}

/**
 * The audit's Revoke: the token list's confirmation (same title, once per
 * press, the registry's reason kept on screen when it fails), with what an
 * audit reader needs to decide: when the token was last used and what stops
 * working.
 */
export function RevokeRiskDialog({ token, crates, onRevoked, onClose }: RevokeRiskDialogProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  const { byId } = useAccounts();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(token);
  if (token !== null && token !== shown) setShown(token);
  const account = shown?.accountId == null ? undefined : byId.get(shown.accountId);
  const owner = shown === null ? null : accountTextOf(shown, account);
  const now = useNow();

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
      {shown !== null && (
        <>
          {lastUseSentence(shown, now)} {currentPowerSentence(shown, crates, now)} Anything that
          uses it, such as cargo or a CI job, stops working at once. Revoking cannot be undone.
          {shown.secretHeld && ' Cratekeeper also forgets the secret it holds.'}
        </>
      )}
    </ConfirmDialog>
  );
}
