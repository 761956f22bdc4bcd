import { memo } from 'react';
import { CRATE_ACTIONS, type CrateAccess } from '../../../shared/domain/crate-access';
import type { TokenView } from '../../../shared/domain/token';
import { ACTION_LABELS } from './crate-text';
import { VISUALLY_HIDDEN_CLASS } from './crates-page-styles';

export interface CrateAccessTableProps {
  readonly crateName: string;
  readonly access: readonly CrateAccess[];
  /** The token cargo reads for the crate's registry, when the app holds it. */
  readonly cargoTokenKey: string | undefined;
  /** Each owning account's login by id, when the crate has several owners here; else null. */
  readonly ownerLogins: ReadonlyMap<string, string> | null;
}

/**
 * Which tokens can do what to one crate: a row per token, a column per
 * action, with how the token reaches the crate (its patterns, any crate, or a
 * legacy token) under its name, and cargo's token marked.
 */
export const CrateAccessTable = memo(function CrateAccessTable(props: CrateAccessTableProps) {
  const { crateName, access, cargoTokenKey, ownerLogins } = props;
  if (access.length === 0) {
    return (
      <p className="part-note">
        No live token of the owning accounts can act on <code>{crateName}</code>.
      </p>
    );
  }
  return (
    <table className="access">
      <caption className={VISUALLY_HIDDEN_CLASS}>Tokens that can act on {crateName}</caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          {CRATE_ACTIONS.map((action) => (
            <th key={action} scope="col" className="action-col">
              {ACTION_LABELS[action]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {access.map((entry) => (
          <tr key={entry.token.key}>
            <th scope="row">
              <span className="token-line">
                <span className="token-name" title={entry.token.name}>
                  {entry.token.name}
                </span>
                {entry.token.key === cargoTokenKey && (
                  <span
                    className="chip chip--success"
                    title="cargo reads this token for the crate's registry"
                  >
                    cargo
                  </span>
                )}
              </span>
              <span className={`token-via token-via--${entry.via}`} title={viaText(entry)}>
                {ownerOf(entry, ownerLogins)}
                {viaText(entry)}
              </span>
            </th>
            {CRATE_ACTIONS.map((action) =>
              entry.actions.includes(action) ? (
                <td key={action}>
                  <span className="can" aria-hidden>
                    ✓
                  </span>
                  <span className={VISUALLY_HIDDEN_CLASS}>Yes</span>
                </td>
              ) : (
                <td key={action}>
                  <span className={VISUALLY_HIDDEN_CLASS}>No</span>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/** How the token reaches the crate, in a few words. */
export function viaText(entry: Pick<CrateAccess, 'via' | 'matchedPatterns' | 'token'>): string {
  const patterns = entry.matchedPatterns.join(', ');
  switch (entry.via) {
    case 'legacy':
      return patterns === ''
        ? 'Legacy: every scope, any crate'
        : `Legacy: every scope, patterns ${patterns}`;
    case 'any-crate':
      return hasWildcard(entry.token) ? 'Pattern * (any crate)' : 'No patterns (any crate)';
    case 'pattern':
      return entry.matchedPatterns.length === 1 ? `Pattern ${patterns}` : `Patterns ${patterns}`;
  }
}

/** "ferris · " before how a token reaches a crate several accounts own: whose token it is. */
function ownerOf(entry: CrateAccess, ownerLogins: ReadonlyMap<string, string> | null): string {
  const login =
    entry.token.accountId === null ? undefined : ownerLogins?.get(entry.token.accountId);
  return login === undefined ? '' : `${login} · `;
}

function hasWildcard(token: Pick<TokenView, 'cratePatterns'>): boolean {
  return token.cratePatterns?.includes('*') ?? false;
}
