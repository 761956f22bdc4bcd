import type { TrustedPublishingProvider } from '../../../shared/domain/trusted-publishing';
import type {
  GithubConfig,
  GithubConfigFields,
  GitlabConfig,
  GitlabConfigFields,
} from '../../../shared/domain/trusted-publishing';
import type { RegistryClient } from '../registry-client';
import { PAGE_CAP, PER_PAGE, readAllPages } from './paged-read';
import {
  createdGithubConfigSchema,
  createdGitlabConfigSchema,
  githubConfigPageSchema,
  gitlabConfigPageSchema,
  patchedCrateSchema,
  toGithubConfig,
  toGitlabConfig,
} from './trusted-publishing-wire';

/** Whose configurations to list: one crate's, or those of every crate a user owns directly. */
export type ConfigFilter = { readonly crate: string } | { readonly userId: number };

const CONFIGS_PATH = '/api/v1/trusted_publishing';

function configsPath(provider: TrustedPublishingProvider): string {
  return `${CONFIGS_PATH}/${provider}_configs`;
}

function filterQuery(filter: ConfigFilter): string {
  const query =
    'crate' in filter
      ? `crate=${encodeURIComponent(filter.crate)}`
      : `user_id=${String(filter.userId)}`;
  return `?${query}&per_page=${String(PER_PAGE)}`;
}

/**
 * crates.io's trusted-publishing endpoints and the `trustpub_only` switch
 * (NOTES.md, "Trusted publishing"), as one signed-in user: every request goes
 * through the account's RegistryClient (its cookie, its origin, its time and
 * size limits). Answers are checked before use and camelCased.
 */
export class TrustedPublishingClient {
  constructor(
    private readonly client: RegistryClient,
    /** The registry's host, for messages. */
    private readonly host: string,
  ) {}

  /** Every GitHub configuration matching `filter`, all pages, by id. */
  githubConfigs(filter: ConfigFilter): Promise<GithubConfig[]> {
    const path = configsPath('github');
    return readAllPages(this.host, path, filterQuery(filter), async (pathAndQuery) => {
      const page = await this.client.read(pathAndQuery, githubConfigPageSchema, PAGE_CAP);
      return { items: page.github_configs.map(toGithubConfig), nextPage: page.meta.next_page };
    });
  }

  /** Every GitLab configuration matching `filter`, all pages, by id. */
  gitlabConfigs(filter: ConfigFilter): Promise<GitlabConfig[]> {
    const path = configsPath('gitlab');
    return readAllPages(this.host, path, filterQuery(filter), async (pathAndQuery) => {
      const page = await this.client.read(pathAndQuery, gitlabConfigPageSchema, PAGE_CAP);
      return { items: page.gitlab_configs.map(toGitlabConfig), nextPage: page.meta.next_page };
    });
  }

  /** `POST .../github_configs` (crates.io answers 200 with the saved configuration). */
  async addGithubConfig(crate: string, fields: GithubConfigFields): Promise<GithubConfig> {
    const body = {
      github_config: {
        crate,
        repository_owner: fields.repositoryOwner,
        repository_name: fields.repositoryName,
        workflow_filename: fields.workflowFilename,
        environment: fields.environment,
      },
    };
    const answer = await this.client.change(
      configsPath('github'),
      'POST',
      body,
      createdGithubConfigSchema,
    );
    return toGithubConfig(answer.github_config);
  }

  /** `POST .../gitlab_configs`. */
  async addGitlabConfig(crate: string, fields: GitlabConfigFields): Promise<GitlabConfig> {
    const body = {
      gitlab_config: {
        crate,
        namespace: fields.namespace,
        project: fields.project,
        workflow_filepath: fields.workflowFilepath,
        environment: fields.environment,
      },
    };
    const answer = await this.client.change(
      configsPath('gitlab'),
      'POST',
      body,
      createdGitlabConfigSchema,
    );
    return toGitlabConfig(answer.gitlab_config);
  }

  /** `DELETE .../{provider}_configs/{id}` (204). */
  deleteConfig(provider: TrustedPublishingProvider, id: number): Promise<void> {
    return this.client.delete(`${configsPath(provider)}/${String(id)}`);
  }

  /** `PATCH /api/v1/crates/{name}`; the flag as the registry then holds it. */
  async setTrustpubOnly(crate: string, trustpubOnly: boolean): Promise<boolean> {
    const answer = await this.client.change(
      `/api/v1/crates/${encodeURIComponent(crate)}`,
      'PATCH',
      { crate: { trustpub_only: trustpubOnly } },
      patchedCrateSchema,
    );
    return answer.crate.trustpub_only;
  }
}
