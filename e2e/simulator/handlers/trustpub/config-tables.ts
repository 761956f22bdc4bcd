import type { GithubConfigRecord, GitlabConfigRecord } from '../../models/trusted-publishing';
import { serializeGithubConfig, serializeGitlabConfig } from '../../serializers/trusted-publishing';
import type { Database } from '../../state/database';

/** What the list, create and delete handlers need to know about one provider's table. */
export interface ConfigTable<R extends { readonly id: number; readonly crateId: number }> {
  /** As crates.io's texts spell the provider. */
  readonly label: 'GitHub' | 'GitLab';
  /** The list answer's key (`github_configs`), also the URL segment. */
  readonly listKey: 'github_configs' | 'gitlab_configs';
  /** The create body's and answer's key (`github_config`). */
  readonly itemKey: 'github_config' | 'gitlab_config';
  /** Each provider has its own id sequence. */
  readonly sequence: 'githubConfig' | 'gitlabConfig';
  readonly rows: (db: Database) => R[];
  readonly serialize: (row: R, crateName: string) => Record<string, unknown>;
}

export const GITHUB_CONFIGS: ConfigTable<GithubConfigRecord> = {
  label: 'GitHub',
  listKey: 'github_configs',
  itemKey: 'github_config',
  sequence: 'githubConfig',
  rows: (db) => db.githubConfigs,
  serialize: serializeGithubConfig,
};

export const GITLAB_CONFIGS: ConfigTable<GitlabConfigRecord> = {
  label: 'GitLab',
  listKey: 'gitlab_configs',
  itemKey: 'gitlab_config',
  sequence: 'gitlabConfig',
  rows: (db) => db.gitlabConfigs,
  serialize: serializeGitlabConfig,
};

/** The crate's own name for a config's crate id (configs never outlive their crate here). */
export function crateNameOf(db: Database, crateId: number): string {
  const krate = db.crates.find((candidate) => candidate.id === crateId);
  if (!krate) throw new Error(`config of unknown crate ${crateId}`);
  return krate.name;
}
