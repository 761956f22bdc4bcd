import type { GithubConfigRecord, GitlabConfigRecord } from '../models/trusted-publishing';
import { rfc3339 } from './time';

/** openapi.json `GitHubConfig`; `crate` is the crate's own spelling. */
export function serializeGithubConfig(config: GithubConfigRecord, crateName: string) {
  return {
    id: config.id,
    crate: crateName,
    repository_owner: config.repositoryOwner,
    repository_owner_id: config.repositoryOwnerId,
    repository_name: config.repositoryName,
    workflow_filename: config.workflowFilename,
    // openapi.json does not require it, but crates.io always sends it (maybe null).
    environment: config.environment,
    created_at: rfc3339(config.createdAt),
  };
}

/** openapi.json `GitLabConfig`; `namespace_id` and `environment` are always sent. */
export function serializeGitlabConfig(config: GitlabConfigRecord, crateName: string) {
  return {
    id: config.id,
    crate: crateName,
    namespace: config.namespace,
    namespace_id: config.namespaceId,
    project: config.project,
    workflow_filepath: config.workflowFilepath,
    environment: config.environment,
    created_at: rfc3339(config.createdAt),
  };
}
