import { memo, useId, useMemo, type ReactNode } from 'react';
import type { Account } from '../../../shared/domain/account';
import { crateAccess } from '../../../shared/domain/crate-access';
import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import { AccountAvatar } from '../accounts/account-avatar';
import { registryHost } from '../accounts/account-label';
import { CrateAccessFold } from './crate-access-fold';
import { trustedPublishingSummary } from './crate-text';
import { hasConfigs } from './crate-filter';
import {
  TrustedPublishingPanel,
  type TrustedPublishingPanelProps,
} from './trusted-publishing-panel';

export interface CrateCardProps extends Pick<
  TrustedPublishingPanelProps,
  'onSetUp' | 'onDelete' | 'onTrustpubOnly'
> {
  readonly crate: CrateView;
  /** The tokens of the crate's registry (the card picks those that reach it). */
  readonly tokens: readonly TokenView[];
  /**
   * Why the tokens are not all known: `loading` before the token list came,
   * else the message of a list that failed; null when they are.
   */
  readonly tokensUnknown: string | null;
  /** Accounts whose tokens the last list could not read at all. */
  readonly tokenFailures: ReadonlySet<string>;
  readonly accountsById: ReadonlyMap<string, Account>;
  /** The token cargo reads for the crate's registry, when the app holds it. */
  readonly cargoTokenKey: string | undefined;
  readonly switching: boolean;
  readonly error: string | undefined;
  /** The tokens trusted publishing replaces, for this crate (the audit feature's panel). */
  readonly renderRetirePanel: (crate: CrateView) => ReactNode;
}

/**
 * One crate: what it is, who owns it among the accounts, which tokens can
 * act on it, and its trusted publishing. Memoised: a search or a change to
 * another crate leaves it alone.
 */
export const CrateCard = memo(function CrateCard(props: CrateCardProps) {
  const { crate, tokens, accountsById, cargoTokenKey, renderRetirePanel } = props;
  const nameId = useId();
  const accessId = useId();
  const publishingId = useId();
  const access = useMemo(() => crateAccess(crate, tokens), [crate, tokens]);
  const owners = useMemo(
    () => crate.ownerAccountIds.flatMap((id) => accountsById.get(id) ?? []),
    [crate.ownerAccountIds, accountsById],
  );
  const host = owners[0] === undefined ? crate.registryName : registryHost(owners[0]);
  const ownerLogins = useMemo(
    () =>
      owners.length > 1 ? new Map(owners.map((account) => [account.id, account.login])) : null,
    [owners],
  );
  const unread = owners.filter((account) => props.tokenFailures.has(account.id));
  const cargoEntry = access.find((entry) => entry.token.key === cargoTokenKey);
  const tone = trustTone(crate);

  return (
    <li className="crate" aria-labelledby={nameId}>
      <div className="crate-head">
        <div className="crate-title">
          <div className="crate-title-line">
            <h2 id={nameId} className="crate-name">
              {crate.name}
            </h2>
            <span className="chip chip--neutral" title={`known to cargo as ${crate.registryName}`}>
              {host}
            </span>
            <span className={`chip chip--${tone}`}>{trustedPublishingSummary(crate)}</span>
          </div>
          {crate.description !== null && <p className="crate-description">{crate.description}</p>}
          {crate.repository !== null && <p className="crate-meta">{crate.repository}</p>}
        </div>
        <div className="owners">
          <span className="owners-label">{owners.length === 1 ? 'Owner' : 'Owners'}</span>
          <ul className="owners-list" aria-label={`Owners of ${crate.name}`}>
            {owners.map((account) => (
              <li key={account.id} className="owner">
                <AccountAvatar account={account} size={20} />
                {account.login}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="crate-body">
        <div className="crate-part" role="group" aria-labelledby={accessId}>
          <h3 id={accessId} className="part-title">
            Tokens that can act on it
          </h3>
          {props.tokensUnknown === 'loading' ? (
            <p className="part-note">Loading tokens…</p>
          ) : props.tokensUnknown !== null ? (
            <p className="part-note">Tokens could not be loaded: {props.tokensUnknown}</p>
          ) : (
            <CrateAccessFold
              crateName={crate.name}
              access={access}
              cargoTokenKey={cargoTokenKey}
              ownerLogins={ownerLogins}
            />
          )}
          {unread.length > 0 && (
            <p className="part-note">
              The tokens of {unread.map((account) => account.login).join(' and ')} could not be
              read, so this list may miss some.
            </p>
          )}
          {cargoTokenKey !== undefined && props.tokensUnknown === null && (
            <p className="part-note">
              {cargoEntry === undefined ? (
                <>The token cargo uses for {host} cannot act on this crate.</>
              ) : (
                <>
                  cargo uses <strong>{cargoEntry.token.name}</strong> for {host}.
                </>
              )}
            </p>
          )}
        </div>
        <div className="crate-part" role="group" aria-labelledby={publishingId}>
          <h3 id={publishingId} className="part-title">
            Trusted publishing
          </h3>
          <TrustedPublishingPanel
            crate={crate}
            switching={props.switching}
            error={props.error}
            onSetUp={props.onSetUp}
            onDelete={props.onDelete}
            onTrustpubOnly={props.onTrustpubOnly}
            retirePanel={renderRetirePanel(crate)}
          />
        </div>
      </div>
    </li>
  );
});

/**
 * Green when only trusted publishing publishes, neutral when it is set up,
 * caution when it is not (or not known), warning when the crate is locked
 * without a configuration (nothing can publish it).
 */
function trustTone(crate: CrateView): 'success' | 'neutral' | 'caution' | 'warning' {
  const state = crate.trustedPublishing;
  if (state === null) return 'caution';
  if (!hasConfigs(crate)) return state.trustpubOnly ? 'warning' : 'caution';
  return state.trustpubOnly ? 'success' : 'neutral';
}
