import type { SeedFile } from '../seeds/schema';
import { token } from './seeds';

/**
 * Users and tokens for every trusted-publishing rule: alice owns the alpha
 * crates (with carol, who has no e-mail on file, dave, whose e-mail is
 * unverified, and erin, who has no linked GitHub account); bob owns his own.
 * `full-crate` already has crates.io's 5 GitHub configs.
 */
export function trustpubSeed(overrides: Partial<SeedFile> = {}): SeedFile {
  const githubConfig = (owner: string, repository: string) => ({
    repository_owner: owner,
    repository_name: repository,
    workflow_filename: 'ci.yml',
  });
  return {
    users: [
      { login: 'alice', email: 'alice@example.com', github_id: 101 },
      { login: 'bob', email: 'bob@example.com', github_id: 102 },
      { login: 'carol', github_id: 103 },
      { login: 'dave', email: 'dave@example.com', email_verified: false },
      { login: 'erin', email: 'erin@example.com', github_linked: false },
    ],
    github_owners: [{ login: 'Rust-Lang', id: 5430905 }],
    crates: [
      {
        name: 'alpha-core',
        owners: ['alice', 'carol', 'dave', 'erin'],
        github_configs: [{ ...githubConfig('alice', 'alpha'), environment: 'release' }],
        gitlab_configs: [
          { namespace: 'alice', project: 'alpha', workflow_filepath: '.gitlab-ci.yml' },
        ],
      },
      { name: 'alpha_util', owners: ['alice'] },
      {
        name: 'full-crate',
        owners: ['alice'],
        github_configs: ['a', 'b', 'c', 'd', 'e'].map((repo) => githubConfig('alice', repo)),
      },
      { name: 'bobs-crate', owners: ['bob'], github_configs: [githubConfig('bob', 'bobs')] },
    ],
    tokens: [
      { user: 'alice', name: 'legacy', token: token('AliceLegacy') },
      {
        user: 'alice',
        name: 'legacy for alpha-core',
        token: token('AliceLegacyScoped'),
        crate_scopes: ['alpha-core'],
      },
      {
        user: 'alice',
        name: 'trusted publishing alpha',
        token: token('AliceTrustpubAlpha'),
        endpoint_scopes: ['trusted-publishing'],
        crate_scopes: ['alpha*'],
      },
      {
        user: 'alice',
        name: 'trusted publishing anywhere',
        token: token('AliceTrustpubAll'),
        endpoint_scopes: ['trusted-publishing'],
      },
      { user: 'alice', name: 'yank', token: token('AliceYank'), endpoint_scopes: ['yank'] },
      { user: 'bob', name: 'bob legacy', token: token('BobLegacy') },
      ...['Carol', 'Dave', 'Erin', 'Bob'].map((name) => ({
        user: name.toLowerCase(),
        name: `${name} trusted publishing`,
        token: token(`${name}Trustpub`),
        endpoint_scopes: ['trusted-publishing' as const],
      })),
    ],
    ...overrides,
  };
}

/** A valid GitHub create body for `crate`, with `fields` on top. */
export function githubBody(crate: string, fields: Record<string, unknown> = {}) {
  return {
    github_config: {
      crate,
      repository_owner: 'alice',
      repository_name: 'alpha',
      workflow_filename: 'publish.yml',
      ...fields,
    },
  };
}

/** A valid GitLab create body for `crate`, with `fields` on top. */
export function gitlabBody(crate: string, fields: Record<string, unknown> = {}) {
  return {
    gitlab_config: {
      crate,
      namespace: 'alice',
      project: 'alpha',
      workflow_filepath: 'ci/publish.yml',
      ...fields,
    },
  };
}
