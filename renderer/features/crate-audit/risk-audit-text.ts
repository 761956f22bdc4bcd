import {
  RISK_FINDING_KINDS,
  type RiskFinding,
  type RiskFindingKind,
} from '../../../shared/domain/risk-audit';

/** How bad a kind of finding is: the group's colour and the words beside its heading. */
export type RiskSeverity = 'high' | 'medium' | 'low';

/**
 * High: a leak hands over crates (every right, any crate, owners). Medium: a
 * leak lasts or has more ways in. Low: tokens nothing uses (revoking them
 * costs nothing, keeping them only risks a leak).
 */
export const RISK_SEVERITY: Readonly<Record<RiskFindingKind, RiskSeverity>> = {
  'legacy-token': 'high',
  'publish-any-crate': 'high',
  'change-owners': 'high',
  'several-publishers': 'medium',
  'never-expires': 'medium',
  'no-trusted-publishing': 'medium',
  'unused-90-days': 'low',
  'never-used-30-days': 'low',
};

/** A group's heading, plural: the findings under it say which token or crate. */
export const RISK_GROUP_TITLE: Readonly<Record<RiskFindingKind, string>> = {
  'legacy-token': 'Legacy tokens',
  'publish-any-crate': 'Publishing any crate',
  'change-owners': 'Can change owners',
  'several-publishers': 'Several tokens publish one crate',
  'never-expires': 'Never expire',
  'no-trusted-publishing': 'On GitHub without trusted publishing',
  'unused-90-days': 'Unused for 90 days',
  'never-used-30-days': 'Never used after 30 days',
};

/** What the audit looks for, in the empty state's "checked" sentence. */
const CHECKED_FOR: Readonly<Record<RiskFindingKind, string>> = {
  'legacy-token': 'legacy tokens',
  'publish-any-crate': 'publish scopes on `*` or on no pattern',
  'change-owners': 'tokens that can change owners',
  'several-publishers': 'crates several tokens can publish',
  'never-expires': 'tokens that never expire',
  'no-trusted-publishing': 'GitHub-hosted crates without trusted publishing',
  'unused-90-days': 'tokens unused for 90 days',
  'never-used-30-days': 'tokens never used 30 days after they were made',
};

export interface RiskGroup {
  readonly kind: RiskFindingKind;
  readonly severity: RiskSeverity;
  readonly title: string;
  readonly findings: readonly RiskFinding[];
}

/** Findings grouped by kind, most serious kind first; kinds without findings are left out. */
export function groupFindings(findings: readonly RiskFinding[]): RiskGroup[] {
  const byKind = new Map<RiskFindingKind, RiskFinding[]>();
  for (const finding of findings) {
    const list = byKind.get(finding.kind);
    if (list === undefined) byKind.set(finding.kind, [finding]);
    else list.push(finding);
  }
  return RISK_FINDING_KINDS.flatMap((kind) => {
    const list = byKind.get(kind);
    if (list === undefined) return [];
    return [{ kind, severity: RISK_SEVERITY[kind], title: RISK_GROUP_TITLE[kind], findings: list }];
  });
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

/** "7 findings", "1 finding". */
export function findingCountText(count: number): string {
  return plural(count, 'finding');
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** What the audit looked at, for the empty state and under the heading. */
export interface AuditScope {
  /** Registry tokens the audit looked at (imported ones are not audited). */
  readonly tokens: number;
  readonly crates: number;
  /** Imported tokens, left out: their scopes, patterns and use are not known. */
  readonly importedTokens: number;
  /** Crates whose trusted publishing could not be read. */
  readonly unreadCrates: readonly string[];
}

/**
 * "Checked 12 tokens and 29 crates for legacy tokens, …": the empty state's
 * proof that nothing was found, not that nothing was looked at. Above
 * findings (`listKinds` false) the groups' headings say what was looked for.
 */
export function checkedText(scope: AuditScope, listKinds = true): string {
  const looked = `Checked ${plural(scope.tokens, 'token')} and ${plural(scope.crates, 'crate')}`;
  const sentences = [
    listKinds
      ? `${looked} for ${joinWords(RISK_FINDING_KINDS.map((kind) => CHECKED_FOR[kind]))}.`
      : `${looked}.`,
  ];
  if (scope.importedTokens > 0) {
    sentences.push(
      `${plural(scope.importedTokens, 'imported token was', 'imported tokens were')} not checked: only their registry knows their scopes and use.`,
    );
  }
  if (scope.unreadCrates.length > 0) {
    sentences.push(
      `Trusted publishing of ${joinWords(scope.unreadCrates)} could not be read, so it was not checked.`,
    );
  }
  return sentences.join(' ');
}
