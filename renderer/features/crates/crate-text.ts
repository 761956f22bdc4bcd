import type { CrateAccess, CrateAction } from '../../../shared/domain/crate-access';
import type { CrateView } from '../../../shared/domain/crates';
import type { GithubConfig, GitlabConfig } from '../../../shared/domain/trusted-publishing';

/** A configuration as the page and its dialogs refer to it. */
export type ConfigRef =
  | { readonly provider: 'github'; readonly config: GithubConfig }
  | { readonly provider: 'gitlab'; readonly config: GitlabConfig };

export const PROVIDER_NAMES = { github: 'GitHub', gitlab: 'GitLab' } as const;

/** `ferris/quill` for GitHub, `ferris/tools/ferrous-log` for GitLab. */
export function repositoryOf(ref: ConfigRef): string {
  return ref.provider === 'github'
    ? `${ref.config.repositoryOwner}/${ref.config.repositoryName}`
    : `${ref.config.namespace}/${ref.config.project}`;
}

/** The workflow file as configured: a bare file name (GitHub) or a path (GitLab). */
export function workflowOf(ref: ConfigRef): string {
  return ref.provider === 'github' ? ref.config.workflowFilename : ref.config.workflowFilepath;
}

/** "GitHub configuration ferris/quill publish.yml": names one configuration among several. */
export function configName(ref: ConfigRef): string {
  return `${PROVIDER_NAMES[ref.provider]} configuration ${repositoryOf(ref)} ${workflowOf(ref)}`;
}

/** The accessible name of a configuration's delete button. */
export function deleteConfigLabel(ref: ConfigRef): string {
  return `Delete ${configName(ref)}`;
}

/** "environment release", or "any environment" when none is set. */
export function environmentText(environment: string | null): string {
  return environment === null ? 'any environment' : `environment ${environment}`;
}

/** Every configuration of a crate, GitHub first, each in the registry's order. */
export function configsOf(crate: CrateView): ConfigRef[] {
  const state = crate.trustedPublishing;
  if (state === null) return [];
  return [
    ...state.githubConfigs.map((config) => ({ provider: 'github' as const, config })),
    ...state.gitlabConfigs.map((config) => ({ provider: 'gitlab' as const, config })),
  ];
}

/** Column headings of the token table, as the scopes are called on the token builder. */
export const ACTION_LABELS: Readonly<Record<CrateAction, string>> = {
  'publish-new': 'Publish new',
  'publish-update': 'Publish update',
  yank: 'Yank',
  'change-owners': 'Change owners',
};

/** The short state of trusted publishing, for the crate's heading line. */
export function trustedPublishingSummary(crate: CrateView): string {
  const state = crate.trustedPublishing;
  if (state === null) return 'Trusted publishing unknown';
  const count = state.githubConfigs.length + state.gitlabConfigs.length;
  if (count === 0) return state.trustpubOnly ? 'Locked, no configuration' : 'No trusted publishing';
  if (state.trustpubOnly) return 'Trusted publishing only';
  return count === 1 ? 'Trusted publishing' : `Trusted publishing (${count})`;
}

/**
 * What a crate's folded token table holds, in one line: "7 tokens can act on
 * it, 5 of them can publish." Publishing is what a stolen token is used for,
 * so it is the count worth seeing without unfolding.
 */
export function accessSummary(access: readonly Pick<CrateAccess, 'actions'>[]): string {
  const total = access.length;
  const publishing = access.filter((entry) =>
    entry.actions.some((action) => action === 'publish-new' || action === 'publish-update'),
  ).length;
  const tokens = total === 1 ? '1 token can act on it' : `${String(total)} tokens can act on it`;
  if (total === 1)
    return publishing === 1
      ? `${tokens}, and it can publish.`
      : `${tokens}, but it cannot publish.`;
  if (publishing === 0) return `${tokens}, none of them can publish.`;
  if (publishing === total) return `${tokens}, all of them can publish.`;
  return `${tokens}, ${String(publishing)} of them can publish.`;
}
