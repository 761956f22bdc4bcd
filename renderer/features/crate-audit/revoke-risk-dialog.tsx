import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import { useNow } from '../../hooks/use-now';
import { useAccounts } from '../accounts/accounts-context';
import { RevokeTokenDialog } from '../tokens/token-actions/revoke-token-dialog';
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
 * audit reader needs to decide: when the token was last used and what it
 * can do today.
 */
export function RevokeRiskDialog({ token, crates, onRevoked, onClose }: RevokeRiskDialogProps) {
  const { byId } = useAccounts();
  const now = useNow();
  const account = token?.accountId == null ? undefined : byId.get(token.accountId);
  return (
    <RevokeTokenDialog
      token={token}
      account={account}
      onRevoked={onRevoked}
      onClose={onClose}
      explain={(shown) => (
        <>
          {lastUseSentence(shown, now)} {currentPowerSentence(shown, crates, now)}
        </>
      )}
    />
  );
}
