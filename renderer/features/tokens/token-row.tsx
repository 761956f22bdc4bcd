import { memo } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import type { CrateMatch } from '../../../shared/domain/token-crate-search';
import { CargoActionSlot, StatusWithCargo } from '../cargo/cargo-row-parts';
import { crateCoverTextOf } from './crate-cover';
import {
  CratePatterns,
  EmptyActionSlot,
  ScopeChips,
  SecretHeldMark,
  ShowSecretButton,
  WhenCell,
} from './token-cells';
import { TokenActionButtons } from './token-actions/token-action-buttons';
import { pinClassOf } from './token-pins';
import {
  accountTextOf,
  createdTextOf,
  expiryTextOf,
  lastUsedTextOf,
  patternsCellOf,
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
  /**
   * The crate the search names, when this token's patterns cover it (else
   * null), and how: the same object while the search stays, so the memoised
   * cells skip.
   */
  readonly coveredCrate?: string | null;
  readonly crateMatch?: CrateMatch | null;
}

/**
 * One token as a table row. The row is only its `<tr>` and position; its
 * cells are a memoised part that takes no position, so when a search shifts
 * the rows' positions, a row whose token did not change renders its `<tr>`
 * again and skips its cells. Memoised too, so a scrolled frame skips the
 * rows that stay in view.
 */
export const TokenRow = memo(function TokenRow({ index, ...cells }: TokenRowProps) {
  return (
    <tr aria-rowindex={index + 2}>
      <TokenRowCells {...cells} />
    </tr>
  );
});

type TokenRowCellsProps = Omit<TokenRowProps, 'index'>;

// Expiry and Status stay in view in a narrow window (token-columns.ts).
const EXPIRY_PIN = pinClassOf('expiry');
const STATUS_PIN = pinClassOf('status');

/**
 * A token's cells, made of plain elements because thousands scroll past.
 * Every row is ROW_HEIGHT high (token-row-layout.ts): the name takes two
 * lines at most, with its whole text in its title.
 */
const TokenRowCells = memo(function TokenRowCells(props: TokenRowCellsProps) {
  const { token, account, now, onShowSecret, coveredCrate = null, crateMatch = null } = props;
  const patterns = patternsCellOf(token);
  const cover =
    coveredCrate === null || crateMatch === null
      ? null
      : crateCoverTextOf(coveredCrate, crateMatch);
  const owner = accountTextOf(token, account);
  const created = createdTextOf(token);
  return (
    <>
      <td>
        <div className="name-cell">
          <span className="name" title={token.name}>
            {token.name}
          </span>
          {token.secretHeld && <SecretHeldMark />}
        </div>
      </td>
      <td>
        {owner.hint === undefined ? (
          <span className="line" title={owner.primary}>
            {owner.primary}
          </span>
        ) : (
          // The column says "Account": "not known" is enough, and fits.
          <span className="line muted" data-hint={owner.hint} aria-description={owner.hint}>
            not known
          </span>
        )}
        <span className="sub line" title={owner.secondary}>
          {owner.secondary}
        </span>
      </td>
      <td>
        <ScopeChips token={token} />
      </td>
      <td>
        <CratePatterns patterns={patterns} cover={cover} />
      </td>
      <td>
        {created.label === null ? (
          <time className="nowrap" dateTime={token.createdAt} title={created.exact}>
            {created.date}
          </time>
        ) : (
          <time dateTime={token.createdAt} title={`${created.label} ${created.exact}`}>
            <span className="line">{created.label}</span>
            <span className="sub line">{created.date}</span>
          </time>
        )}
      </td>
      <td>
        <WhenCell when={lastUsedTextOf(token, now)} iso={token.lastUsedAt} />
      </td>
      <td className={EXPIRY_PIN}>
        <WhenCell when={expiryTextOf(token, now)} iso={token.expiresAt} />
      </td>
      <td className={STATUS_PIN}>
        <StatusWithCargo token={token} />
      </td>
      <td className="actions">
        {/* Every action in its own place on every row, empty when it does not apply. */}
        {token.secretHeld ? (
          <ShowSecretButton
            name={token.name}
            onClick={() => {
              onShowSecret(token);
            }}
          />
        ) : (
          <EmptyActionSlot />
        )}
        <CargoActionSlot token={token} />
        <TokenActionButtons token={token} />
      </td>
    </>
  );
});
