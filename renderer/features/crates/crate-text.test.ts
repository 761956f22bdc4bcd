import { describe, expect, it } from 'vitest';
import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import { viaText } from './crate-access-table';
import { withConfigAdded, withConfigDeleted, withTrustedPublishing } from './crate-patch';
import {
  accessSummary,
  configName,
  deleteConfigLabel,
  environmentText,
  trustedPublishingSummary,
  type ConfigRef,
} from './crate-text';

const GITHUB: ConfigRef = {
  provider: 'github',
  config: {
    id: 1,
    crate: 'quill',
    repositoryOwner: 'ferris',
    repositoryOwnerId: 1,
    repositoryName: 'quill',
    workflowFilename: 'publish.yml',
    environment: 'release',
    createdAt: '2026-01-01T00:00:00Z',
  },
};
const GITLAB: ConfigRef = {
  provider: 'gitlab',
  config: {
    id: 2,
    crate: 'quill',
    namespace: 'ferris/tools',
    namespaceId: null,
    project: 'quill',
    workflowFilepath: 'ci/publish.yml',
    environment: null,
    createdAt: '2026-01-01T00:00:00Z',
  },
};

function crateWith(trustedPublishing: CrateView['trustedPublishing']): CrateView {
  return {
    key: 'crates-io/quill',
    name: 'quill',
    registryName: 'crates-io',
    description: null,
    repository: null,
    ownerAccountIds: ['a#1'],
    trustedPublishing,
    trustedPublishingUnknown: trustedPublishing === null ? 'offline' : null,
  };
}

describe('configuration names', () => {
  it('names a configuration by provider, repository and workflow', () => {
    expect(configName(GITHUB)).toBe('GitHub configuration ferris/quill publish.yml');
    expect(deleteConfigLabel(GITLAB)).toBe(
      'Delete GitLab configuration ferris/tools/quill ci/publish.yml',
    );
  });

  it('says "any environment" when none is set', () => {
    expect(environmentText('release')).toBe('environment release');
    expect(environmentText(null)).toBe('any environment');
  });
});

describe('trustedPublishingSummary', () => {
  it('tells unknown, none, set up and locked apart', () => {
    const none = { githubConfigs: [], gitlabConfigs: [], trustpubOnly: false };
    expect(trustedPublishingSummary(crateWith(null))).toBe('Trusted publishing unknown');
    expect(trustedPublishingSummary(crateWith(none))).toBe('No trusted publishing');
    expect(trustedPublishingSummary(crateWith({ ...none, trustpubOnly: true }))).toBe(
      'Locked, no configuration',
    );
    const both = { ...none, githubConfigs: [GITHUB.config], gitlabConfigs: [GITLAB.config] };
    expect(trustedPublishingSummary(crateWith(both))).toBe('Trusted publishing (2)');
    expect(trustedPublishingSummary(crateWith({ ...both, trustpubOnly: true }))).toBe(
      'Trusted publishing only',
    );
  });
});

describe('viaText', () => {
  const token = (cratePatterns: string[] | null) => ({ cratePatterns }) as TokenView;
  it('says how a token reaches the crate', () => {
    expect(viaText({ via: 'legacy', matchedPatterns: [], token: token(null) })).toBe(
      'Legacy: every scope, any crate',
    );
    expect(viaText({ via: 'legacy', matchedPatterns: ['quill*'], token: token(['quill*']) })).toBe(
      'Legacy: every scope, patterns quill*',
    );
    expect(viaText({ via: 'any-crate', matchedPatterns: [], token: token(['*']) })).toBe(
      'Pattern * (any crate)',
    );
    expect(viaText({ via: 'any-crate', matchedPatterns: [], token: token([]) })).toBe(
      'No patterns (any crate)',
    );
    expect(
      viaText({ via: 'pattern', matchedPatterns: ['quill', 'quill*'], token: token(['quill*']) }),
    ).toBe('Patterns quill, quill*');
  });
});

describe('accessSummary', () => {
  const publishes = { actions: ['publish-update'] } as const;
  const yanks = { actions: ['yank', 'change-owners'] } as const;

  it('counts the tokens and those that can publish', () => {
    expect(accessSummary([publishes, yanks, publishes])).toBe(
      '3 tokens can act on it, 2 of them can publish.',
    );
    expect(accessSummary([publishes, publishes])).toBe(
      '2 tokens can act on it, all of them can publish.',
    );
    expect(accessSummary([yanks, yanks])).toBe('2 tokens can act on it, none of them can publish.');
  });

  it('speaks of one token in the singular', () => {
    expect(accessSummary([publishes])).toBe('1 token can act on it, and it can publish.');
    expect(accessSummary([yanks])).toBe('1 token can act on it, but it cannot publish.');
  });
});

describe('crate patches', () => {
  const empty = crateWith({ githubConfigs: [], gitlabConfigs: [], trustpubOnly: false });

  it('adds and deletes a configuration of either provider, leaving the other alone', () => {
    const both = withConfigAdded(withConfigAdded(empty, GITHUB), GITLAB);
    expect(both.trustedPublishing).toEqual({
      githubConfigs: [GITHUB.config],
      gitlabConfigs: [GITLAB.config],
      trustpubOnly: false,
    });
    const lab = withConfigDeleted(both, GITHUB);
    expect(lab.trustedPublishing?.githubConfigs).toEqual([]);
    expect(lab.trustedPublishing?.gitlabConfigs).toEqual([GITLAB.config]);
    expect(withConfigDeleted(lab, GITLAB)).toEqual(empty);
  });

  it('sets the flag without touching the configurations', () => {
    const withGithub = withConfigAdded(empty, GITHUB);
    const locked = withTrustedPublishing(withGithub, () => ({ trustpubOnly: true }));
    expect(locked.trustedPublishing).toEqual({
      ...withGithub.trustedPublishing,
      trustpubOnly: true,
    });
  });

  it('leaves a crate whose trusted publishing is unknown as it is', () => {
    const unknown = crateWith(null);
    expect(withConfigAdded(unknown, GITHUB)).toBe(unknown);
    expect(withTrustedPublishing(unknown, () => ({ trustpubOnly: true }))).toBe(unknown);
  });
});
