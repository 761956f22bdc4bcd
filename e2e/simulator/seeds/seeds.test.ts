import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../models/time';
import { SimulatorState } from '../state/simulator-state';
import { generateSeed, parseGeneratedSeedName } from './generate';
import { loadSeed } from './load';
import { seedFileSchema } from './schema';

function demoState(): SimulatorState {
  return new SimulatorState(loadSeed('demo'));
}

describe('built-in seeds', () => {
  it('demo: two users, a few dozen crates, the first user signs in by default', () => {
    const state = demoState();
    expect(state.users.map((user) => user.login)).toEqual(['ferris', 'corro']);
    expect(state.defaultUser.login).toBe('ferris');
    expect(state.crates.length).toBeGreaterThanOrEqual(24);
    expect(state.crates.filter((krate) => krate.ownerIds.length > 1).length).toBeGreaterThan(0);
  });

  it('demo: tokens of every kind, with times relative to the clock', () => {
    const state = demoState();
    const now = state.clock.now().getTime();
    // Rounded: the seed was applied a few milliseconds before `now` was read.
    const daysLeft = (token: (typeof state.tokens)[number]) =>
      token.expiredAt === null
        ? null
        : Math.round(((token.expiredAt.getTime() - now) / DAY_MS) * 100) / 100;
    const tokens = state.tokens.filter((token) => token.userId === state.defaultUser.id);
    const has = (kind: string, predicate: (token: (typeof tokens)[number]) => boolean): void => {
      expect(tokens.some(predicate), kind).toBe(true);
    };
    has('legacy', (token) => token.endpointScopes === null && token.crateScopes === null);
    has('scoped', (token) => token.endpointScopes !== null);
    has('wildcard pattern', (token) => token.crateScopes?.some((p) => /\w\*$/.test(p)) ?? false);
    has('any crate (*)', (token) => token.crateScopes?.includes('*') ?? false);
    has('expiring in 2 days', (token) => daysLeft(token) === 2);
    has('expiring within 14 days', (token) => {
      const left = daysLeft(token);
      return left !== null && left > 2 && left <= 14;
    });
    has('expired within 30 days', (token) => {
      const left = daysLeft(token);
      return left !== null && left < 0 && left >= -30;
    });
    has('expired long ago', (token) => (daysLeft(token) ?? 0) < -30);
    has('never used', (token) => token.lastUsedAt === null);
    has('no expiry', (token) => token.expiredAt === null);
    has('revoked', (token) => token.revoked);
  });

  it('minimal: one user, one crate, one token', () => {
    const seed = loadSeed('minimal');
    expect([seed.users.length, seed.crates?.length, seed.tokens?.length]).toEqual([1, 1, 1]);
  });
});

describe('seed validation', () => {
  const base = { users: [{ login: 'alice' }] };

  it.each([
    ['an unknown owner', { ...base, crates: [{ name: 'x', owners: ['bob'] }] }],
    ['a token of an unknown user', { ...base, tokens: [{ user: 'bob', name: 't' }] }],
    ['a malformed token', { ...base, tokens: [{ user: 'alice', name: 't', token: 'cio123' }] }],
    [
      'a pattern the server refuses',
      { ...base, tokens: [{ user: 'alice', name: 't', crate_scopes: ['1x'] }] },
    ],
    ['a duplicate login', { users: [{ login: 'alice' }, { login: 'Alice' }] }],
    ['a bad version', { ...base, crates: [{ name: 'x', owners: ['alice'], versions: ['1.0'] }] }],
    ['an unknown field', { ...base, extra: true }],
    ['no users', { users: [] }],
  ])('refuses %s', (_what, seed) => {
    expect(seedFileSchema.safeParse(seed).success).toBe(false);
  });

  it('loads a seed file by path and explains what is wrong with a bad one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sim-seed-'));
    const good = path.join(dir, 'good.json');
    const bad = path.join(dir, 'bad.json');
    await writeFile(good, JSON.stringify(base));
    await writeFile(bad, JSON.stringify({ users: [{ login: 'alice' }], tokens: [{ user: 'x' }] }));
    expect(loadSeed(good).users).toEqual(base.users);
    expect(() => loadSeed(bad)).toThrow(/bad\.json is not valid/);
    expect(() => loadSeed(path.join(dir, 'missing.json'))).toThrow(/Cannot read seed file/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('generateSeed', () => {
  it('is deterministic and as large as asked', () => {
    const first = generateSeed({ users: 10, tokensPerUser: 500 });
    expect(first.users).toHaveLength(10);
    expect(first.tokens).toHaveLength(5000);
    expect(generateSeed({ users: 10, tokensPerUser: 500 })).toEqual(first);
    expect(seedFileSchema.safeParse(first).success).toBe(true);
  });

  it('refuses more than crates.io allows per user', () => {
    expect(() => generateSeed({ users: 1, tokensPerUser: 501 })).toThrow(/at most 500/);
  });

  it('live: every token listed, none revoked or expired, still a mix of kinds', () => {
    const state = new SimulatorState(loadSeed('generated:10x500:live'));
    const now = state.clock.now().getTime();
    expect(state.users).toHaveLength(10);
    expect(state.tokens).toHaveLength(5000);
    expect(state.tokens.filter((token) => token.revoked)).toEqual([]);
    expect(state.tokens.filter((token) => (token.expiredAt?.getTime() ?? Infinity) <= now)).toEqual(
      [],
    );
    const daysLeft = state.tokens.flatMap((token) =>
      token.expiredAt === null ? [] : [(token.expiredAt.getTime() - now) / DAY_MS],
    );
    expect(state.tokens.some((token) => token.expiredAt === null)).toBe(true);
    expect(daysLeft.some((days) => days < 1)).toBe(true);
    expect(daysLeft.some((days) => days > 1 && days < 14)).toBe(true);
    expect(daysLeft.some((days) => days > 300)).toBe(true);
    expect(state.tokens.some((token) => token.endpointScopes === null)).toBe(true);
    expect(state.tokens.some((token) => token.crateScopes?.includes('*') ?? false)).toBe(true);
  });

  it('live: the same tokens as the plain variant but for revocation and expiry', () => {
    const plain = generateSeed({ users: 2, tokensPerUser: 50 });
    const live = generateSeed({ users: 2, tokensPerUser: 50, live: true });
    const strip = (seed: typeof plain) =>
      (seed.tokens ?? []).map(({ expires_in_days: _, revoked: __, ...rest }) => rest);
    expect(strip(live)).toEqual(strip(plain));
    expect(plain.tokens?.some((token) => token.revoked)).toBe(true);
  });

  it('parses generated:UxT and generated:UxT:live, and nothing else', () => {
    expect(parseGeneratedSeedName('generated:10x500')).toEqual({ users: 10, tokensPerUser: 500 });
    expect(parseGeneratedSeedName('generated:3x7:live')).toEqual({
      users: 3,
      tokensPerUser: 7,
      live: true,
    });
    expect(parseGeneratedSeedName('generated:3x7:dead')).toBeNull();
    expect(parseGeneratedSeedName('demo')).toBeNull();
  });

  // How fast it loads is for a benchmark to say, not a test on a shared machine.
  it('is reachable as generated:UxT', () => {
    const state = new SimulatorState(loadSeed('generated:10x500'));
    expect(state.tokens).toHaveLength(5000);
  });
});

describe('trusted publishing in seeds', () => {
  it('demo: configs on quill, quill_derive, quill_json (trustpub_only) and ferrous-log', () => {
    const state = demoState();
    const crateName = (id: number) => state.crates.find((krate) => krate.id === id)?.name;
    expect(
      state.db.githubConfigs.map((config) => [
        config.id,
        crateName(config.crateId),
        config.repositoryOwner,
        config.repositoryOwnerId,
        config.repositoryName,
        config.workflowFilename,
        config.environment,
      ]),
    ).toEqual([
      [1, 'quill', 'ferris', 1000001, 'quill', 'publish.yml', 'release'],
      [2, 'quill_derive', 'ferris', 1000001, 'quill', 'publish.yml', null],
      [3, 'quill_json', 'ferris', 1000001, 'quill_json', 'release.yml', 'crates-io'],
    ]);
    expect(
      state.db.gitlabConfigs.map((config) => [
        config.id,
        crateName(config.crateId),
        config.namespace,
        config.namespaceId,
        config.project,
        config.workflowFilepath,
        config.environment,
      ]),
    ).toEqual([[1, 'ferrous-log', 'ferris', null, 'ferrous-log', '.gitlab-ci.yml', null]]);
    expect(state.crates.filter((krate) => krate.trustpubOnly).map((krate) => krate.name)).toEqual([
      'quill_json',
    ]);
    expect(state.db.githubOwnerByLogin('Rust-Lang')).toEqual({ login: 'rust-lang', id: 5430905 });
    expect(state.db.githubOwnerByLogin('CORRO')).toEqual({ login: 'corro', id: 1000002 });
    expect(state.users.every((user) => user.githubLinked)).toBe(true);
  });

  it('defaults: github id derived from the login (stable, i32), linked, not trustpub_only', () => {
    const seed = { users: [{ login: 'alice' }], crates: [{ name: 'x', owners: ['alice'] }] };
    const state = new SimulatorState(loadSeed(seed));
    const again = new SimulatorState(loadSeed(seed));
    const [alice] = state.users;
    expect(alice?.githubId).toBe(again.users[0]?.githubId);
    expect(alice?.githubId).toBeGreaterThan(0);
    expect(alice?.githubId).toBeLessThanOrEqual(2_147_483_647);
    expect(alice?.githubLinked).toBe(true);
    expect(state.crates[0]?.trustpubOnly).toBe(false);
    expect(state.db.githubOwnerByLogin('ALICE')?.id).toBe(alice?.githubId);
  });

  it('saves the known owner’s spelling and id, and keeps GitHub and GitLab ids apart', () => {
    const state = new SimulatorState(
      loadSeed({
        users: [{ login: 'alice', github_id: 7, github_linked: false }],
        github_owners: [{ login: 'Rust-Lang', id: 42 }],
        crates: [
          {
            name: 'x',
            owners: ['alice'],
            trustpub_only: true,
            github_configs: [
              { repository_owner: 'rust-lang', repository_name: 'x', workflow_filename: 'a.yml' },
              { repository_owner: 'ALICE', repository_name: 'x', workflow_filename: 'b.yaml' },
            ],
            gitlab_configs: [
              {
                namespace: 'a/b',
                project: 'x',
                workflow_filepath: 'ci/p.yml',
                environment: 'prod',
              },
            ],
          },
        ],
      }),
    );
    expect(state.users[0]?.githubLinked).toBe(false);
    expect(
      state.db.githubConfigs.map((config) => [
        config.id,
        config.repositoryOwner,
        config.repositoryOwnerId,
      ]),
    ).toEqual([
      [1, 'Rust-Lang', 42],
      [2, 'alice', 7],
    ]);
    expect(state.db.gitlabConfigs.map((config) => [config.id, config.environment])).toEqual([
      [1, 'prod'],
    ]);
    expect(state.crates[0]?.trustpubOnly).toBe(true);
  });

  const base = { users: [{ login: 'alice' }] };
  const github = (fields: Record<string, unknown>) => ({
    ...base,
    crates: [
      {
        name: 'x',
        owners: ['alice'],
        github_configs: [
          {
            repository_owner: 'alice',
            repository_name: 'x',
            workflow_filename: 'p.yml',
            ...fields,
          },
        ],
      },
    ],
  });
  const gitlab = (fields: Record<string, unknown>) => ({
    ...base,
    crates: [
      {
        name: 'x',
        owners: ['alice'],
        gitlab_configs: [
          { namespace: 'a', project: 'x', workflow_filepath: '.gitlab-ci.yml', ...fields },
        ],
      },
    ],
  });

  it.each([
    ['a GitHub owner nobody knows', github({ repository_owner: 'nobody' })],
    ['a workflow crates.io refuses', github({ workflow_filename: 'ci/p.yml' })],
    ['an empty environment', github({ environment: '' })],
    ['a GitLab namespace ending .git', gitlab({ namespace: 'a.git' })],
    ['a GitLab environment with a comma', gitlab({ environment: 'a,b' })],
    ['a github owner that is also a user', { ...base, github_owners: [{ login: 'Alice', id: 1 }] }],
    ['a github id beyond i32', { users: [{ login: 'alice', github_id: 2 ** 31 }] }],
    [
      'six GitHub configs on one crate',
      {
        ...base,
        crates: [
          {
            name: 'x',
            owners: ['alice'],
            github_configs: Array.from({ length: 6 }, () => ({
              repository_owner: 'alice',
              repository_name: 'x',
              workflow_filename: 'p.yml',
            })),
          },
        ],
      },
    ],
  ])('refuses %s', (_what, seed) => {
    expect(seedFileSchema.safeParse(seed).success).toBe(false);
  });
});
