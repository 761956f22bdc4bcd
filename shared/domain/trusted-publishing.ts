import { z } from 'zod';

/**
 * crates.io's trusted publishing (NOTES.md, "Trusted publishing (configs,
 * trustpub_only)"): the field rules of `crates_io_trustpub`'s validation.rs,
 * with crates.io's own texts, checked in its order. The simulator answers with
 * them and the app checks its forms live with them, so a maintainer sees the
 * registry's words before anything is sent.
 */

export const TRUSTED_PUBLISHING_PROVIDERS = ['github', 'gitlab'] as const;
export type TrustedPublishingProvider = (typeof TRUSTED_PUBLISHING_PROVIDERS)[number];

/** crates.io refuses a sixth configuration of one provider on one crate (409). */
export const MAX_CONFIGS_PER_PROVIDER = 5;

/** What the user types for a GitHub Actions configuration; environment null = any. */
export interface GithubConfigFields {
  readonly repositoryOwner: string;
  readonly repositoryName: string;
  readonly workflowFilename: string;
  readonly environment: string | null;
}

/** What the user types for a GitLab CI configuration; environment null = any. */
export interface GitlabConfigFields {
  readonly namespace: string;
  readonly project: string;
  readonly workflowFilepath: string;
  readonly environment: string | null;
}

const MAX_FIELD_BYTES = 255;
const GITHUB_OWNER = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const GITHUB_REPOSITORY = /^[a-zA-Z0-9_.-]+$/;
const GITLAB_NAMESPACE = /^[a-zA-Z0-9]([a-zA-Z0-9_./-]*[a-zA-Z0-9])?$/;
const GITLAB_PROJECT = /^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/;
const GITLAB_ENVIRONMENT = /^[a-zA-Z0-9 \-_/${}]+$/;
// 0x00-0x1F, 0x7F and ' " ` , ; \ (crates.io's GitHub environment rule).
// eslint-disable-next-line no-control-regex -- control characters are exactly what the rule refuses
const GITHUB_ENVIRONMENT_FORBIDDEN = /[\u0000-\u001f\u007f'"`,;\\]/;

// Rust's `str::len` counts UTF-8 bytes, not characters.
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The rule every field shares: not empty, at most 255 bytes. */
function lengthProblem(label: string, value: string): string | null {
  if (value.length === 0) return `${label} may not be empty`;
  if (byteLength(value) > MAX_FIELD_BYTES) {
    return `${label} is too long (maximum is ${MAX_FIELD_BYTES} characters)`;
  }
  return null;
}

function endsWithYaml(value: string): boolean {
  return value.endsWith('.yml') || value.endsWith('.yaml');
}

function endsWithAtomOrGit(value: string): boolean {
  return value.endsWith('.atom') || value.endsWith('.git');
}

function environmentLengthProblem(environment: string): string | null {
  if (environment.length === 0) return 'Environment name may not be empty (use `null` to omit)';
  if (byteLength(environment) > MAX_FIELD_BYTES) {
    return `Environment name is too long (maximum is ${MAX_FIELD_BYTES} characters)`;
  }
  return null;
}

export function githubOwnerProblem(owner: string): string | null {
  const length = lengthProblem('GitHub repository owner name', owner);
  if (length !== null) return length;
  return GITHUB_OWNER.test(owner) ? null : 'Invalid GitHub repository owner name';
}

export function githubRepositoryProblem(name: string): string | null {
  const length = lengthProblem('GitHub repository name', name);
  if (length !== null) return length;
  return GITHUB_REPOSITORY.test(name) ? null : 'Invalid GitHub repository name';
}

export function githubWorkflowProblem(filename: string): string | null {
  const length = lengthProblem('Workflow filename', filename);
  if (length !== null) return length;
  if (!endsWithYaml(filename)) return 'Workflow filename must end with `.yml` or `.yaml`';
  if (filename.includes('/'))
    return 'Workflow filename must be a filename only, without directories';
  return null;
}

export function githubEnvironmentProblem(environment: string | null): string | null {
  if (environment === null) return null;
  const length = environmentLengthProblem(environment);
  if (length !== null) return length;
  if (/^\s/u.test(environment)) return 'Environment name may not start with whitespace';
  if (/\s$/u.test(environment)) return 'Environment name may not end with whitespace';
  if (GITHUB_ENVIRONMENT_FORBIDDEN.test(environment)) {
    return 'Environment name must not contain non-printable characters or the characters "\'", """, "`", ",", ";", "\\"';
  }
  return null;
}

export function gitlabNamespaceProblem(namespace: string): string | null {
  const length = lengthProblem('GitLab namespace', namespace);
  if (length !== null) return length;
  if (endsWithAtomOrGit(namespace)) return 'GitLab namespace cannot end with .atom or .git';
  return GITLAB_NAMESPACE.test(namespace) ? null : 'Invalid GitLab namespace';
}

export function gitlabProjectProblem(project: string): string | null {
  const length = lengthProblem('GitLab project name', project);
  if (length !== null) return length;
  if (endsWithAtomOrGit(project)) return 'GitLab project name cannot end with .atom or .git';
  return GITLAB_PROJECT.test(project) ? null : 'Invalid GitLab project name';
}

export function gitlabWorkflowProblem(filepath: string): string | null {
  const length = lengthProblem('Workflow filepath', filepath);
  if (length !== null) return length;
  if (filepath.startsWith('/')) return 'Workflow filepath cannot start with /';
  if (filepath.endsWith('/')) return 'Workflow filepath cannot end with /';
  if (!endsWithYaml(filepath)) return 'Workflow filepath must end with `.yml` or `.yaml`';
  return null;
}

export function gitlabEnvironmentProblem(environment: string | null): string | null {
  if (environment === null) return null;
  const length = environmentLengthProblem(environment);
  if (length !== null) return length;
  return GITLAB_ENVIRONMENT.test(environment)
    ? null
    : 'Environment name contains invalid characters';
}

/** Each field's problem (crates.io's text), for a form that marks every field at once. */
export function githubConfigProblems(
  fields: GithubConfigFields,
): Partial<Record<keyof GithubConfigFields, string>> {
  return withoutNulls({
    repositoryOwner: githubOwnerProblem(fields.repositoryOwner),
    repositoryName: githubRepositoryProblem(fields.repositoryName),
    workflowFilename: githubWorkflowProblem(fields.workflowFilename),
    environment: githubEnvironmentProblem(fields.environment),
  });
}

export function gitlabConfigProblems(
  fields: GitlabConfigFields,
): Partial<Record<keyof GitlabConfigFields, string>> {
  return withoutNulls({
    namespace: gitlabNamespaceProblem(fields.namespace),
    project: gitlabProjectProblem(fields.project),
    workflowFilepath: gitlabWorkflowProblem(fields.workflowFilepath),
    environment: gitlabEnvironmentProblem(fields.environment),
  });
}

/** The 400 crates.io answers for this body: its first failing rule, in its order; null = valid. */
export function githubConfigProblem(fields: GithubConfigFields): string | null {
  return (
    githubOwnerProblem(fields.repositoryOwner) ??
    githubRepositoryProblem(fields.repositoryName) ??
    githubWorkflowProblem(fields.workflowFilename) ??
    githubEnvironmentProblem(fields.environment)
  );
}

export function gitlabConfigProblem(fields: GitlabConfigFields): string | null {
  return (
    gitlabNamespaceProblem(fields.namespace) ??
    gitlabProjectProblem(fields.project) ??
    gitlabWorkflowProblem(fields.workflowFilepath) ??
    gitlabEnvironmentProblem(fields.environment)
  );
}

function withoutNulls<K extends string>(
  problems: Record<K, string | null>,
): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const key of Object.keys(problems) as K[]) {
    const problem = problems[key];
    if (problem !== null) found[key] = problem;
  }
  return found;
}

/** A GitHub Actions configuration as the app holds it (crates.io's `github_config`, camelCased). */
export const githubConfigSchema = z.object({
  id: z.number().int(),
  crate: z.string(),
  repositoryOwner: z.string(),
  repositoryOwnerId: z.number().int(),
  repositoryName: z.string(),
  workflowFilename: z.string(),
  environment: z.string().nullable(),
  createdAt: z.string(),
});
export type GithubConfig = z.infer<typeof githubConfigSchema>;

/** A GitLab CI configuration (crates.io's `gitlab_config`); namespaceId is null until a first publish. */
export const gitlabConfigSchema = z.object({
  id: z.number().int(),
  crate: z.string(),
  namespace: z.string(),
  namespaceId: z.string().nullable(),
  project: z.string(),
  workflowFilepath: z.string(),
  environment: z.string().nullable(),
  createdAt: z.string(),
});
export type GitlabConfig = z.infer<typeof gitlabConfigSchema>;
