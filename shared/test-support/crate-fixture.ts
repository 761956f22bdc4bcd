import type { CrateView } from '../domain/crates';
import type { GithubConfig } from '../domain/trusted-publishing';

/** A crates.io crate owned by account `a` (tokenFixture's), not on trusted publishing, with `overrides` applied: for unit tests. */
export function crateFixture(name: string, overrides: Partial<CrateView> = {}): CrateView {
  return {
    key: `crates-io/${name}`,
    name,
    registryName: 'crates-io',
    description: null,
    repository: null,
    ownerAccountIds: ['a'],
    trustedPublishing: { githubConfigs: [], gitlabConfigs: [], trustpubOnly: false },
    trustedPublishingUnknown: null,
    ...overrides,
  };
}

/** A GitHub Actions configuration for `crate` (ferris/quill, publish.yml): for unit tests. */
export function githubConfigFixture(crate: string, id = 1): GithubConfig {
  return {
    id,
    crate,
    repositoryOwner: 'ferris',
    repositoryOwnerId: 42,
    repositoryName: 'quill',
    workflowFilename: 'publish.yml',
    environment: null,
    createdAt: '2026-01-01T00:00:00Z',
  };
}

/** `crateFixture` with one GitHub configuration. */
export function trustedCrateFixture(name: string, overrides: Partial<CrateView> = {}): CrateView {
  return crateFixture(name, {
    trustedPublishing: {
      githubConfigs: [githubConfigFixture(name)],
      gitlabConfigs: [],
      trustpubOnly: false,
    },
    ...overrides,
  });
}
