import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  type RunningSimulator,
  type SeedFile,
} from '../../../e2e/simulator/server';
import { signInOverHttp } from '../../../e2e/simulator/sign-in-client';
import type { Account } from '../../../shared/domain/account';
import type { CrateView, CratesOverview } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import type { CallInput, CallName } from '../../../shared/ipc/contract';
import type { Failure } from '../../../shared/ipc/result';
import { createCore, type Core } from '../core';
import { dispatchCall } from '../dispatch';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { instantRetry } from '../test-support/instant-retry';
import { MemoryClipboard } from '../test-support/memory-clipboard';
import { memoryKeychain } from '../test-support/memory-keychain';

/*
 * The six crates:* calls of the real core against the real simulator, signed
 * in with real sessions: what a user sees, and what reached the registry.
 */

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const githubConfig = (repository: string) => ({
  repository_owner: 'alice',
  repository_name: repository,
  workflow_filename: 'publish.yml',
});

/** A scoped token of alice's; `cio` + 32 alphanumerics. */
const aliceToken = (name: string, label: string) => ({
  user: 'alice',
  name,
  token: `cio${label.padEnd(32, '0')}`,
  endpoint_scopes: ['publish-update' as const],
  crate_scopes: ['bulk-000'],
});

/** 101 crates of alice's (one more than a page), the first 20 with 5 GitHub configs each. */
const bulkCrates = Array.from({ length: 101 }, (_, index) => ({
  name: `bulk-${String(index).padStart(3, '0')}`,
  owners: ['alice'],
  ...(index < 20 ? { github_configs: ['a', 'b', 'c', 'd', 'e'].map(githubConfig) } : {}),
}));

/**
 * alice and bob both own `shared` (one GitLab config); `full-crate` has
 * crates.io's 5 GitHub configs; `quiet` has none; bob owns `bobs-crate`.
 * With the bulk crates alice owns 104 crates and 105 GitHub configs: more
 * than one page of either.
 */
function seed(): SeedFile {
  return {
    users: [
      { login: 'alice', email: 'alice@example.com', github_id: 101 },
      { login: 'bob', email: 'bob@example.com', github_id: 102 },
    ],
    github_owners: [{ login: 'Rust-Lang', id: 5430905 }],
    crates: [
      {
        name: 'shared',
        owners: ['alice', 'bob'],
        description: 'Owned by both',
        repository: 'https://github.com/alice/shared',
        gitlab_configs: [
          { namespace: 'alice', project: 'shared', workflow_filepath: '.gitlab-ci.yml' },
        ],
      },
      {
        name: 'full-crate',
        owners: ['alice'],
        github_configs: ['a', 'b', 'c', 'd', 'e'].map(githubConfig),
      },
      { name: 'quiet', owners: ['alice'] },
      { name: 'bobs-crate', owners: ['bob'], trustpub_only: true },
      ...bulkCrates,
    ],
    tokens: [
      aliceToken('publish bulk one', 'RetireOne'),
      aliceToken('publish bulk two', 'RetireTwo'),
      aliceToken('publish bulk three', 'RetireThree'),
    ],
  };
}

interface Sent {
  readonly method: string;
  readonly url: URL;
  readonly cookie: string | null;
}

/** The core signed in as each `logins` entry, in order; every request it sends is recorded. */
async function setUp(accounts: readonly { sim: RunningSimulator; login: string }[]) {
  const sent: Sent[] = [];
  const queue = [...accounts];
  const core: Core = await createCore({
    fetch: (input, init) => {
      const cookie = new Headers(init?.headers).get('cookie');
      sent.push({ method: init?.method ?? 'GET', url: new URL(input), cookie });
      return fetch(input, init);
    },
    clock: { now: () => new Date() },
    signInWindow: {
      signIn: (baseUrl) => {
        const next = queue.shift();
        if (next?.sim.url !== baseUrl) throw new Error(`no sign-in planned for ${baseUrl}`);
        return signInOverHttp(baseUrl, next.login);
      },
    },
    events: { emit: () => undefined },
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-crates-sim-')),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    readRetry: instantRetry(),
  });
  const signedIn: Account[] = [];
  // One registry name per simulator, as two accounts of one registry share it.
  const sims = [...new Set(accounts.map((account) => account.sim))];
  for (const { sim } of accounts) {
    const name = `sim${String(sims.indexOf(sim) + 1)}`;
    signedIn.push(await core.signIn({ name, baseUrl: sim.url }));
  }
  const answers: string[] = [];
  async function call<K extends CallName>(name: K, input: CallInput<K>) {
    const answer = await dispatchCall(core.handlers, name, input, { error: () => undefined });
    answers.push(JSON.stringify(answer));
    return answer;
  }
  async function value<K extends CallName>(name: K, input: CallInput<K>): Promise<unknown> {
    const answer = await call(name, input);
    if (!answer.ok) throw new Error(`${name} failed: ${answer.error.message}`);
    return answer.value;
  }
  async function refusal<K extends CallName>(name: K, input: CallInput<K>): Promise<Failure> {
    const answer = await call(name, input);
    if (answer.ok) throw new Error(`${name} succeeded`);
    return answer.error;
  }
  const overview = async () => (await value('crates:overview', {})) as CratesOverview;
  const crate = async (name: string): Promise<CrateView | undefined> =>
    (await overview()).crates.find((view) => view.name === name);
  return { core, sent, accounts: signedIn, answers, call, value, refusal, overview, crate };
}

async function simulator(): Promise<RunningSimulator> {
  const sim = await startSimulator({ port: 0, seed: seed() });
  running.push(sim);
  return sim;
}

/** Signed in as alice alone. */
async function asAlice() {
  const sim = await simulator();
  const app = await setUp([{ sim, login: 'alice' }]);
  const [alice] = app.accounts;
  if (!alice) throw new Error('alice did not sign in');
  return { ...app, sim, alice };
}

const validGithub = {
  repositoryOwner: 'rust-lang',
  repositoryName: 'quiet',
  workflowFilename: 'release.yml',
  environment: 'release',
};

function trustpubRequests(sim: RunningSimulator, method: string) {
  return sim.state.requestLog.entries.filter(
    (entry) => entry.method === method && entry.path.startsWith('/api/v1/trusted_publishing/'),
  );
}

describe('crates:overview against the simulator', () => {
  it('lists both accounts’ crates, merging one they both own, with every page of crates and configurations', async () => {
    const sim = await simulator();
    const { accounts, overview, sent, answers } = await setUp([
      { sim, login: 'alice' },
      { sim, login: 'bob' },
    ]);
    const [alice, bob] = accounts.map((account) => account.id);
    const result = await overview();
    expect(result.failures).toEqual([]);
    const names = result.crates.map((view) => view.name);
    expect(names.slice(0, 3)).toEqual(['bobs-crate', 'bulk-000', 'bulk-001']);
    expect(names.slice(-3)).toEqual(['full-crate', 'quiet', 'shared']);
    expect(names).toHaveLength(105);
    const shared = result.crates.find((view) => view.name === 'shared');
    expect(shared).toMatchObject({
      key: 'sim1/shared',
      registryName: 'sim1',
      description: 'Owned by both',
      repository: 'https://github.com/alice/shared',
      ownerAccountIds: [alice, bob],
      trustedPublishing: {
        githubConfigs: [],
        gitlabConfigs: [
          {
            crate: 'shared',
            namespace: 'alice',
            namespaceId: null,
            project: 'shared',
            workflowFilepath: '.gitlab-ci.yml',
            environment: null,
          },
        ],
        trustpubOnly: false,
      },
      trustedPublishingUnknown: null,
    });
    expect(result.crates.find((view) => view.name === 'bobs-crate')).toMatchObject({
      ownerAccountIds: [bob],
      trustedPublishing: { githubConfigs: [], gitlabConfigs: [], trustpubOnly: true },
    });
    const configs = result.crates.flatMap((view) => view.trustedPublishing?.githubConfigs ?? []);
    expect(configs).toHaveLength(105);
    expect(result.crates.find((view) => view.name === 'bulk-019')).toMatchObject({
      trustedPublishing: {
        githubConfigs: ['a', 'b', 'c', 'd', 'e'].map((repository) => ({
          crate: 'bulk-019',
          repositoryOwner: 'alice',
          repositoryOwnerId: 101,
          repositoryName: repository,
          workflowFilename: 'publish.yml',
          environment: null,
        })),
      },
    });
    // Alice's crates and GitHub configs each took a second page.
    const pagesOf = (path: string) =>
      sent.filter((s) => s.url.pathname === path && s.url.searchParams.get('user_id') === '1');
    expect(pagesOf('/api/v1/crates').length).toBeGreaterThan(1);
    expect(pagesOf('/api/v1/trusted_publishing/github_configs').length).toBeGreaterThan(1);
    // Sessions went to their registry only, and never into an answer.
    expect(sent.every((s) => s.url.origin === sim.url && s.cookie !== null)).toBe(true);
    const cookies = new Set(sent.map((s) => s.cookie?.replace('cargo_session=', '') ?? ''));
    for (const cookie of cookies) expect(answers.join('\n')).not.toContain(cookie);
  });

  it('reports an unreachable account beside a working one', async () => {
    const [working, gone] = [await simulator(), await simulator()];
    const { overview, accounts } = await setUp([
      { sim: working, login: 'alice' },
      { sim: gone, login: 'bob' },
    ]);
    await gone.close();
    running.splice(running.indexOf(gone), 1);
    const result = await overview();
    expect(result.failures).toEqual([
      {
        accountId: accounts[1]?.id,
        kind: 'offline',
        message: `Could not reach ${new URL(gone.url).host}.`,
        lastKnownAt: null,
      },
    ]);
    expect(result.crates.find((view) => view.name === 'shared')?.ownerAccountIds).toEqual([
      accounts[0]?.id,
    ]);
    expect(result.crates.some((view) => view.name === 'bobs-crate')).toBe(false);
  });
});

describe('trusted-publishing configurations against the simulator', () => {
  it('adds a GitHub and a GitLab configuration, which the overview then shows', async () => {
    const { value, crate, alice } = await asAlice();
    const github = await value('crates:add-github-config', {
      accountId: alice.id,
      crate: 'quiet',
      ...validGithub,
    });
    // GitHub's spelling of the owner and its id, as crates.io saves them.
    expect(github).toMatchObject({
      config: {
        crate: 'quiet',
        repositoryOwner: 'Rust-Lang',
        repositoryOwnerId: 5430905,
        repositoryName: 'quiet',
        workflowFilename: 'release.yml',
        environment: 'release',
      },
    });
    const gitlab = await value('crates:add-gitlab-config', {
      accountId: alice.id,
      crate: 'quiet',
      namespace: 'alice/tools',
      project: 'quiet',
      workflowFilepath: 'ci/publish.yml',
      environment: null,
    });
    expect(gitlab).toMatchObject({
      config: { crate: 'quiet', namespace: 'alice/tools', namespaceId: null, environment: null },
    });
    expect((await crate('quiet'))?.trustedPublishing).toMatchObject({
      githubConfigs: [{ repositoryOwner: 'Rust-Lang', repositoryName: 'quiet' }],
      gitlabConfigs: [{ namespace: 'alice/tools', workflowFilepath: 'ci/publish.yml' }],
      trustpubOnly: false,
    });
  });

  it('refuses a field crates.io would refuse with its text, without sending anything', async () => {
    const { refusal, sim, sent, alice } = await asAlice();
    const before = sent.length;
    await expect(
      refusal('crates:add-github-config', {
        accountId: alice.id,
        crate: 'quiet',
        ...validGithub,
        workflowFilename: '.github/workflows/release.yml',
      }),
    ).resolves.toEqual({
      code: 'invalid-input',
      message: 'Workflow filename must be a filename only, without directories',
    });
    await expect(
      refusal('crates:add-gitlab-config', {
        accountId: alice.id,
        crate: 'quiet',
        namespace: 'alice.git',
        project: 'quiet',
        workflowFilepath: 'ci/publish.yml',
        environment: null,
      }),
    ).resolves.toEqual({
      code: 'invalid-input',
      message: 'GitLab namespace cannot end with .atom or .git',
    });
    expect(sent.length).toBe(before);
    expect(trustpubRequests(sim, 'POST')).toEqual([]);
  });

  it("shows the registry's refusals word for word and keeps the account signed in", async () => {
    const { refusal, alice, value } = await asAlice();
    const add = (crate: string, repositoryOwner: string) =>
      refusal('crates:add-github-config', {
        accountId: alice.id,
        crate,
        ...validGithub,
        repositoryOwner,
      });
    await expect(add('quiet', 'nobody-we-know')).resolves.toEqual({
      code: 'registry-error',
      message: 'Unknown GitHub user or organization',
    });
    await expect(add('full-crate', 'alice')).resolves.toEqual({
      code: 'registry-error',
      message:
        'This crate already has the maximum number of GitHub Trusted Publishing configurations (5)',
    });
    await expect(add('bobs-crate', 'alice')).resolves.toEqual({
      code: 'registry-error',
      message: 'You are not an owner of this crate',
    });
    await expect(
      refusal('crates:set-trustpub-only', {
        accountId: alice.id,
        crate: 'bobs-crate',
        trustpubOnly: false,
      }),
    ).resolves.toEqual({
      code: 'registry-error',
      message: 'only owners have permission to modify crate settings',
    });
    expect(await value('accounts:list', {})).toMatchObject([{ status: 'signed-in' }]);
  });

  it("keeps the account signed in when GitHub's session, not the registry's, has expired", async () => {
    const { refusal, value, sim, alice } = await asAlice();
    sim.state.githubApiFailure = 'token-expired';
    await expect(
      refusal('crates:add-github-config', { accountId: alice.id, crate: 'quiet', ...validGithub }),
    ).resolves.toEqual({
      code: 'registry-error',
      message:
        'It looks like your GitHub session has expired or the token was revoked. Please try logging out and logging back in to re-authenticate.',
    });
    expect(await value('accounts:list', {})).toMatchObject([{ status: 'signed-in' }]);
  });

  it('deletes a configuration', async () => {
    const { value, refusal, crate, alice } = await asAlice();
    const [config] = (await crate('shared'))?.trustedPublishing?.gitlabConfigs ?? [];
    if (!config) throw new Error('the seed gives shared a GitLab config');
    await expect(
      value('crates:delete-config', { accountId: alice.id, provider: 'gitlab', id: config.id }),
    ).resolves.toEqual({});
    expect((await crate('shared'))?.trustedPublishing?.gitlabConfigs).toEqual([]);
    await expect(
      refusal('crates:delete-config', { accountId: alice.id, provider: 'gitlab', id: config.id }),
    ).resolves.toEqual({ code: 'registry-error', message: 'Not Found' });
  });
});

describe('crates:set-trustpub-only against the simulator', () => {
  it('will not switch on for a crate without configurations, and sends nothing to change it', async () => {
    const { refusal, sim, alice, crate } = await asAlice();
    await expect(
      refusal('crates:set-trustpub-only', {
        accountId: alice.id,
        crate: 'quiet',
        trustpubOnly: true,
      }),
    ).resolves.toEqual({
      code: 'invalid-input',
      message:
        'quiet has no trusted publishing configuration: with “Trusted publishing only” on, nothing could publish it. Add a configuration first.',
    });
    expect(sim.state.requestLog.entries.filter((entry) => entry.method === 'PATCH')).toEqual([]);
    expect((await crate('quiet'))?.trustedPublishing?.trustpubOnly).toBe(false);
  });

  it('switches on for a crate with a configuration (read just before) and off again', async () => {
    const { value, sim, alice, crate } = await asAlice();
    await expect(
      value('crates:set-trustpub-only', {
        accountId: alice.id,
        crate: 'shared',
        trustpubOnly: true,
      }),
    ).resolves.toEqual({ trustpubOnly: true });
    const patches = sim.state.requestLog.entries.filter((entry) => entry.method === 'PATCH');
    expect(patches).toMatchObject([{ path: '/api/v1/crates/shared', outcome: 'allowed' }]);
    const checked = trustpubRequests(sim, 'GET').map((entry) => entry.path);
    expect(checked).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/github_configs'),
        expect.stringContaining('/gitlab_configs'),
      ]),
    );
    expect((await crate('shared'))?.trustedPublishing?.trustpubOnly).toBe(true);
    await expect(
      value('crates:set-trustpub-only', {
        accountId: alice.id,
        crate: 'shared',
        trustpubOnly: false,
      }),
    ).resolves.toEqual({ trustpubOnly: false });
    expect((await crate('shared'))?.trustedPublishing?.trustpubOnly).toBe(false);
  });
});

describe('crates:retire-tokens against the simulator', () => {
  it('revokes each token in turn; one refused does not stop the others, and each says what happened', async () => {
    const { value, sim } = await asAlice();
    const listed = async () => ((await value('tokens:list', {})) as { tokens: TokenView[] }).tokens;
    const keyOf = (tokens: TokenView[], name: string): string => {
      const found = tokens.find((token) => token.name === name);
      if (!found) throw new Error(`no token ${name}`);
      return found.key;
    };
    const tokens = await listed();
    const keys = ['publish bulk one', 'publish bulk two', 'publish bulk three'].map((name) =>
      keyOf(tokens, name),
    );
    const refusedId = keys[1]?.split('/').at(-1) ?? '';
    sim.state.faults.add({
      kind: 'http-500',
      route: `/api/v1/me/tokens/${refusedId}`,
      method: 'DELETE',
    });
    const host = new URL(sim.url).host;
    await expect(value('crates:retire-tokens', { keys })).resolves.toEqual({
      results: [
        { key: keys[0], revoked: true, message: null },
        {
          key: keys[1],
          revoked: false,
          message: `${host} answered: Internal Server Error (HTTP 500). The token was not revoked and still works. Try again later.`,
        },
        { key: keys[2], revoked: true, message: null },
      ],
    });
    expect((await listed()).map((token) => token.name)).toEqual(['publish bulk two']);
  });
});
