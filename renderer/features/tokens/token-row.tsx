import { memo, type Ref } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { ScopeChips, SecretHeldMark, ShowSecretButton, StatusChip, WhenCell } from './token-cells';
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
  /** Position in the filtered list, for the virtualiser and `aria-rowindex`. */
  readonly index: number;
  readonly ref?: Ref<HTMLTableRowElement>;
  /** Opens the secret's dialog; offered only when the app holds the secret. Keep it stable. */
  readonly onShowSecret: (token: TokenView) => void;
}

/** One token as a table row; memoised and made of plain elements because thousands scroll past. */
export const TokenRow = memo(function TokenRow(props: TokenRowProps) {
  const { token, account, now, index, ref, onShowSecret } = props;
  const patterns = cratePatternsOf(token.cratePatterns);
  const owner = accountTextOf(token, account);
  return (
    <tr ref={ref} data-index={index} aria-rowindex={index + 2}>
      <td>
        <span className="name">{token.name}</span>
        {token.secretHeld && <SecretHeldMark />}
      </td>
      <td>
        <span className="line" title={owner.primary}>
          {owner.primary}
        </span>
        <span className="sub line">{owner.secondary}</span>
      </td>
      <td>
        <ScopeChips token={token} />
      </td>
      <td>
        {patterns === null ? (
          <span className="muted">any crate</span>
        ) : (
          <ul className="patterns">
            {patterns.map((pattern) => (
              <li key={pattern} className="pattern">
                {pattern}
              </li>
            ))}
          </ul>
        )}
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
