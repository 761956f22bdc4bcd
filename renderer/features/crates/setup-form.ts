import type { CrateView } from '../../../shared/domain/crates';
import {
  githubConfigProblems,
  gitlabConfigProblems,
  type GithubConfigFields,
  type GitlabConfigFields,
  type TrustedPublishingProvider,
} from '../../../shared/domain/trusted-publishing';
import { hostedRepositoryOf } from './repository-url';

/** What the set-up dialog holds while the user types; the environment '' means any. */
export interface SetupForm {
  readonly provider: TrustedPublishingProvider;
  readonly accountId: string;
  readonly github: { readonly [K in keyof GithubConfigFields]: string };
  readonly gitlab: { readonly [K in keyof GitlabConfigFields]: string };
}

export type GithubField = keyof GithubConfigFields;
export type GitlabField = keyof GitlabConfigFields;
/** A field of one provider, as `touched` and focus know it: `github.repositoryOwner`. */
export type FieldId = `github.${GithubField}` | `gitlab.${GitlabField}`;

/** The fields of each provider in the form's (and crates.io's checking) order, with their labels. */
export const GITHUB_FIELDS: readonly { readonly key: GithubField; readonly label: string }[] = [
  { key: 'repositoryOwner', label: 'Repository owner' },
  { key: 'repositoryName', label: 'Repository name' },
  { key: 'workflowFilename', label: 'Workflow file' },
  { key: 'environment', label: 'Environment' },
];
export const GITLAB_FIELDS: readonly { readonly key: GitlabField; readonly label: string }[] = [
  { key: 'namespace', label: 'Namespace' },
  { key: 'project', label: 'Project' },
  { key: 'workflowFilepath', label: 'Workflow file path' },
  { key: 'environment', label: 'Environment' },
];

/** GitLab runs `.gitlab-ci.yml` unless a project says otherwise. */
export const GITLAB_DEFAULT_WORKFLOW = '.gitlab-ci.yml';

/**
 * The form as it opens: the first owning account, and the repository's owner
 * and name from the crate's `repository` URL when it is on GitHub or GitLab
 * (which also picks the provider). Nothing else is guessed.
 */
export function initialSetupForm(crate: CrateView, accountId: string): SetupForm {
  const hosted = hostedRepositoryOf(crate.repository);
  const onGithub = hosted?.host === 'github';
  const onGitlab = hosted?.host === 'gitlab';
  return {
    provider: onGitlab ? 'gitlab' : 'github',
    accountId,
    github: {
      repositoryOwner: onGithub ? hosted.owner : '',
      repositoryName: onGithub ? hosted.name : '',
      workflowFilename: '',
      environment: '',
    },
    gitlab: {
      namespace: onGitlab ? hosted.owner : '',
      project: onGitlab ? hosted.name : '',
      workflowFilepath: GITLAB_DEFAULT_WORKFLOW,
      environment: '',
    },
  };
}

/** An empty environment field means "any environment" (null); anything typed is sent as typed. */
function environmentOf(text: string): string | null {
  return text === '' ? null : text;
}

export function githubFieldsOf(form: SetupForm): GithubConfigFields {
  return { ...form.github, environment: environmentOf(form.github.environment) };
}

export function gitlabFieldsOf(form: SetupForm): GitlabConfigFields {
  return { ...form.gitlab, environment: environmentOf(form.gitlab.environment) };
}

/** Each field's problem in crates.io's words, for the chosen provider. */
export function setupProblems(form: SetupForm): Partial<Record<FieldId, string>> {
  const problems: Partial<Record<FieldId, string>> = {};
  if (form.provider === 'github') {
    const found = githubConfigProblems(githubFieldsOf(form));
    for (const { key } of GITHUB_FIELDS) {
      const problem = found[key];
      if (problem !== undefined) problems[`github.${key}`] = problem;
    }
  } else {
    const found = gitlabConfigProblems(gitlabFieldsOf(form));
    for (const { key } of GITLAB_FIELDS) {
      const problem = found[key];
      if (problem !== undefined) problems[`gitlab.${key}`] = problem;
    }
  }
  return problems;
}

/** The chosen provider's fields, in order, as ids. */
export function fieldIdsOf(provider: TrustedPublishingProvider): FieldId[] {
  return provider === 'github'
    ? GITHUB_FIELDS.map(({ key }) => `github.${key}` as const)
    : GITLAB_FIELDS.map(({ key }) => `gitlab.${key}` as const);
}

/** The first field of the chosen provider that is still empty (where typing starts). */
export function firstEmptyField(form: SetupForm): FieldId | undefined {
  if (form.provider === 'github') {
    const field = GITHUB_FIELDS.find(({ key }) => form.github[key] === '');
    return field && `github.${field.key}`;
  }
  const field = GITLAB_FIELDS.find(({ key }) => form.gitlab[key] === '');
  return field && `gitlab.${field.key}`;
}
