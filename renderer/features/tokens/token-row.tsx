import { memo } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import {
  CratePatterns,
  ScopeChips,
  SecretHeldMark,
  ShowSecretButton,
  StatusChip,
  WhenCell,
} from './token-cells';
import { TokenActionButtons } from './token-actions/token-action-buttons';
import {
  accountTextOf,
  cratePatternsOf,
  expiryText,
  formatDate,
  formatDateTime,
  lastUsedTextOf,
} from './token-format';

export interface TokenRowProps {
  readonly token: TokenView;
  /** Undefined when the account is no longer known (signed out meanwhile). */
  readonly account: Account | undefined;
  readonly now: Date;
  /** Position in the filtered list, for `aria-rowindex`. */
  readonly index: number;
  /** Opens the secret's dialog; offered only when the app holds the secret. Keep it stable. */
  readonly onShowSecret: (token: TokenView) => void;
}

/**
 * One token as a table row; memoised and made of plain elements because
 * thousands scroll past. Every row is ROW_HEIGHT high (token-row-layout.ts):
 * the name takes two lines at most, with its whole text in its title.
 */
export const TokenRow = memo(function TokenRow(props: TokenRowProps) {
  const { token, account, now, index, onShowSecret } = props;
  const patterns = cratePatternsOf(token.cratePatterns);
  const owner = accountTextOf(token, account);
  return (
    <tr aria-rowindex={index + 2}>
      <td>
        <div className="name-cell">
          <span className="name" title={token.name}>
            {token.name}
          </span>
          {token.secretHeld && <SecretHeldMark />}
        </div>
      </td>
      <td>
        <span className="line" title={owner.primary}>
          {owner.primary}
        </span>
        <span className="sub line" title={owner.secondary}>
          {owner.secondary}
        </span>
      </td>
      <td>
        <ScopeChips token={token} />
      </td>
      <td>
        <CratePatterns patterns={patterns} />
      </td>
      <td>
        <time className="nowrap" dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>
          {formatDate(token.createdAt)}
        </time>
      </td>
      <td>
        <WhenCell when={lastUsedTextOf(token, now)} iso={token.lastUsedAt} />
      </td>
      <td>
        <WhenCell when={expiryText(token.expiresAt, now)} iso={token.expiresAt} />
      </td>
      <td>
        <StatusChip status={token.status} />
      </td>
      <td className="actions">
        {token.secretHeld && (
          <ShowSecretButton
            name={token.name}
            onClick={() => {
              onShowSecret(token);
            }}
          />
        )}
        <TokenActionButtons token={token} />
      </td>
    </tr>
  );
});
