import { crateAccess } from '../../../shared/domain/crate-access';
import type { CrateView } from '../../../shared/domain/crates';
import type { RiskFinding } from '../../../shared/domain/risk-audit';
import type { TokenView } from '../../../shared/domain/token';
import { availableActionsOf } from '../tokens/token-actions/token-action-rules';

/** One button under a finding: what it does, to which token or crate. */
export type RiskFixAction =
  | { readonly kind: 'regenerate-narrower'; readonly token: TokenView }
  | { readonly kind: 'revoke'; readonly token: TokenView }
  | { readonly kind: 'set-up-trusted-publishing'; readonly crate: CrateView };

/** What the audit's fixes act on, looked up once per audit. */
export interface RiskSubjects {
  readonly tokenByKey: ReadonlyMap<string, TokenView>;
  readonly crateByKey: ReadonlyMap<string, CrateView>;
  readonly tokens: readonly TokenView[];
}

export function riskSubjectsOf(
  tokens: readonly TokenView[],
  crates: readonly CrateView[],
): RiskSubjects {
  return {
    tokenByKey: new Map(tokens.map((token) => [token.key, token])),
    crateByKey: new Map(crates.map((crate) => [crate.key, crate])),
    tokens,
  };
}

/** The live tokens that can publish new versions of `crate`: what "several publishers" means. */
export function publishersOf(crate: CrateView, tokens: readonly TokenView[]): TokenView[] {
  return crateAccess(crate, tokens)
    .filter((entry) => entry.actions.includes('publish-update'))
    .map((entry) => entry.token);
}

/**
 * The buttons a finding offers, in the audit's order (recommended first).
 * A token finding's fixes act on its token, as the token list's own
 * Regenerate and Revoke would allow; "several publishers" is about a crate,
 * so its Revoke is offered for each token that can publish it. A fix whose
 * target is gone from the list is left out.
 */
export function fixActionsOf(finding: RiskFinding, subjects: RiskSubjects): RiskFixAction[] {
  const token = finding.tokenKey === null ? undefined : subjects.tokenByKey.get(finding.tokenKey);
  const crate = finding.crateKey === null ? undefined : subjects.crateByKey.get(finding.crateKey);
  const allowed = token === undefined ? [] : availableActionsOf(token);
  return finding.fixes.flatMap((fix): RiskFixAction[] => {
    switch (fix) {
      case 'regenerate-narrower':
        return token !== undefined && allowed.includes('regenerate')
          ? [{ kind: 'regenerate-narrower', token }]
          : [];
      case 'revoke':
        if (token !== undefined)
          return allowed.includes('revoke') ? [{ kind: 'revoke', token }] : [];
        if (crate === undefined) return [];
        return publishersOf(crate, subjects.tokens)
          .filter((publisher) => availableActionsOf(publisher).includes('revoke'))
          .map((publisher) => ({ kind: 'revoke', token: publisher }));
      case 'set-up-trusted-publishing':
        return crate === undefined ? [] : [{ kind: 'set-up-trusted-publishing', crate }];
    }
  });
}

/** The button's accessible name: the fix and its target, unique on the page within its finding. */
export function fixAccessibleName(action: RiskFixAction): string {
  switch (action.kind) {
    case 'regenerate-narrower':
      return `Regenerate ${action.token.name} narrower`;
    case 'revoke':
      return `Revoke ${action.token.name}`;
    case 'set-up-trusted-publishing':
      // Not "… for NAME": that is the crate card's button, and one name must mean one button.
      return `Set up trusted publishing: ${action.crate.name}`;
  }
}

/**
 * The button's words on screen: short where the finding's title beside it
 * names the target; the token's name where one finding offers several.
 * Always a part of the accessible name (WCAG 2.5.3, label in name): so
 * Regenerate, whose name has the token between its words, shows it whole.
 */
export function fixVisibleLabel(action: RiskFixAction, finding: RiskFinding): string {
  switch (action.kind) {
    case 'regenerate-narrower':
      return fixAccessibleName(action);
    case 'revoke':
      return finding.tokenKey === null ? `Revoke ${action.token.name}` : 'Revoke';
    case 'set-up-trusted-publishing':
      return 'Set up trusted publishing';
  }
}
