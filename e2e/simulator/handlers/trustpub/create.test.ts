import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { token } from '../../test-support/seeds';
import { detailOf, TestSim, type CallOptions, type CallResult } from '../../test-support/test-sim';
import { githubBody, gitlabBody, trustpubSeed } from '../../test-support/trustpub-seed';

const GITHUB = '/api/v1/trusted_publishing/github_configs';
const GITLAB = '/api/v1/trusted_publishing/gitlab_configs';
const NOT_OWNER = 'You are not an owner of this crate';

describe('POST /api/v1/trusted_publishing/{github,gitlab}_configs', () => {
  let sim: TestSim;
  let alice: string;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: trustpubSeed() });
    alice = await sim.signIn('alice');
    sim.state.clock.freeze();
  });
  afterEach(() => sim.close());

  const post = (path: string, json: unknown, auth: CallOptions = { cookie: alice }) =>
    sim.call('POST', path, { ...auth, json });
  const expectRefusal = (result: CallResult, status: number, detail: string) => {
    expect([result.status, detailOf(result)]).toEqual([status, detail]);
  };

  describe('GitHub', () => {
    it('answers 200 (not 201) with the saved config, GitHub’s spelling and id', async () => {
      const result = await post(
        GITHUB,
        githubBody('alpha_util', { repository_owner: 'rust-lang' }),
      );
      expect(result.status).toBe(200);
      expect(result.json).toEqual({
        github_config: {
          id: 8,
          crate: 'alpha_util',
          repository_owner: 'Rust-Lang',
          repository_owner_id: 5430905,
          repository_name: 'alpha',
          workflow_filename: 'publish.yml',
          environment: null,
          created_at: sim.state.clock.now().toISOString(),
        },
      });
      expect(sim.state.db.githubConfigs.at(-1)).toMatchObject({ crateId: 2, id: 8 });
    });

    it('knows every seeded user as a GitHub owner, and keeps the environment', async () => {
      const result = await post(
        GITHUB,
        githubBody('alpha_util', { repository_owner: 'BOB', environment: 'release' }),
      );
      expect(result.json).toMatchObject({
        github_config: {
          repository_owner: 'bob',
          repository_owner_id: 102,
          environment: 'release',
        },
      });
    });

    it('finds the crate ignoring case and -/_ and saves it under its own name', async () => {
      const result = await post(GITHUB, githubBody('ALPHA-UTIL'));
      expect(result.status).toBe(200);
      expect(result.json).toMatchObject({ github_config: { crate: 'alpha_util' } });
    });

    it('saves an identical config again (no duplicate check)', async () => {
      const first = await post(GITHUB, githubBody('alpha_util'));
      const second = await post(GITHUB, githubBody('alpha_util'));
      const id = (result: CallResult) =>
        (result.json as { github_config: { id: number } }).github_config.id;
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(id(second)).toBe(id(first) + 1);
    });

    it('refuses a body that is not JSON, or lacks github_config, like axum', async () => {
      const plain = await sim.call('POST', GITHUB, { cookie: alice, body: '{}' });
      expectRefusal(plain, 415, 'Expected request with `Content-Type: application/json`');
      expectRefusal(
        await post(GITHUB, {}),
        422,
        'Failed to deserialize the JSON body into the target type: missing field `github_config` at line 1 column 2',
      );
      expectRefusal(
        await post(GITHUB, { github_config: {} }),
        422,
        'Failed to deserialize the JSON body into the target type: github_config: missing field `crate` at line 1 column 19',
      );
      const withoutCrate = {
        github_config: { repository_owner: 'a', repository_name: 'b', workflow_filename: 'c.yml' },
      };
      // serde notices the missing field where the inner object closes: the text's last-but-one character.
      const column = JSON.stringify(withoutCrate).length - 1;
      expect(detailOf(await post(GITHUB, withoutCrate))).toBe(
        `Failed to deserialize the JSON body into the target type: github_config: missing field \`crate\` at line 1 column ${column}`,
      );
      const wrongType = await post(GITHUB, githubBody('alpha_util', { repository_name: 7 }));
      expect(wrongType.status).toBe(422);
      expect(detailOf(wrongType)).toMatch(
        /github_config\.repository_name: invalid type: integer `7`, expected a string at line 1/,
      );
    });

    it('checks the field rules before authentication, in crates.io’s order and words', async () => {
      const anonymous: CallOptions = {};
      const cases: [Record<string, unknown>, string][] = [
        [{ repository_owner: '' }, 'GitHub repository owner name may not be empty'],
        [{ repository_owner: '-x', repository_name: '' }, 'Invalid GitHub repository owner name'],
        [{ repository_name: '' }, 'GitHub repository name may not be empty'],
        [{ repository_name: 'a b' }, 'Invalid GitHub repository name'],
        [{ workflow_filename: '' }, 'Workflow filename may not be empty'],
        [{ workflow_filename: 'publish.YML' }, 'Workflow filename must end with `.yml` or `.yaml`'],
        [
          { workflow_filename: 'ci/publish.yml' },
          'Workflow filename must be a filename only, without directories',
        ],
        [{ environment: '' }, 'Environment name may not be empty (use `null` to omit)'],
        [{ environment: ' prod' }, 'Environment name may not start with whitespace'],
        [
          { environment: 'a;b' },
          'Environment name must not contain non-printable characters or the characters "\'", """, "`", ",", ";", "\\"',
        ],
        [
          { repository_name: 'x'.repeat(256) },
          'GitHub repository name is too long (maximum is 255 characters)',
        ],
      ];
      for (const [fields, detail] of cases) {
        expectRefusal(await post(GITHUB, githubBody('nope', fields), anonymous), 400, detail);
      }
      expectRefusal(
        await post(GITHUB, githubBody('nope', { repository_owner: '' }), {
          origin: 'https://evil.example',
        }),
        400,
        'GitHub repository owner name may not be empty',
      );
    });

    it('then authenticates, with the token’s patterns against `crate` as typed', async () => {
      expectRefusal(await post(GITHUB, githubBody('nope'), {}), 403, AUTH_MESSAGES.required);
      const alpha = { token: token('AliceTrustpubAlpha') };
      expect((await post(GITHUB, githubBody('alpha_util'), alpha)).status).toBe(200);
      expectRefusal(
        await post(GITHUB, githubBody('Alpha_util'), alpha),
        403,
        AUTH_MESSAGES.missingPermissions,
      );
      expectRefusal(
        await post(GITHUB, githubBody('alpha_util'), { token: token('AliceYank') }),
        403,
        AUTH_MESSAGES.missingPermissions,
      );
      expect(
        (await post(GITHUB, githubBody('alpha_util'), { token: token('AliceLegacy') })).status,
      ).toBe(200);
    });

    it('then 404, then the 5-config limit (before the owner check), then ownership', async () => {
      expectRefusal(await post(GITHUB, githubBody('nope')), 404, 'crate `nope` does not exist');
      const limit =
        'This crate already has the maximum number of GitHub Trusted Publishing configurations (5)';
      expectRefusal(await post(GITHUB, githubBody('full-crate')), 409, limit);
      expectRefusal(
        await post(GITHUB, githubBody('full-crate'), { token: token('BobTrustpub') }),
        409,
        limit,
      );
      expectRefusal(
        await post(GITHUB, githubBody('alpha-core'), { token: token('BobTrustpub') }),
        400,
        NOT_OWNER,
      );
    });

    it('counts GitHub and GitLab separately', async () => {
      expect((await post(GITLAB, gitlabBody('full-crate'))).status).toBe(200);
    });

    it('treats an owner without an e-mail address on file as no owner', async () => {
      expectRefusal(
        await post(GITHUB, githubBody('alpha-core'), { token: token('CarolTrustpub') }),
        400,
        NOT_OWNER,
      );
    });

    it('needs a verified e-mail address, then a linked GitHub account', async () => {
      expectRefusal(
        await post(GITHUB, githubBody('alpha-core'), { token: token('DaveTrustpub') }),
        403,
        'You must verify your email address to create a Trusted Publishing config',
      );
      expectRefusal(
        await post(GITHUB, githubBody('alpha-core'), { token: token('ErinTrustpub') }),
        400,
        'Must have a linked GitHub account to create a Trusted Publishing config',
      );
    });

    it('refuses a GitHub owner the simulated GitHub does not know, last', async () => {
      expectRefusal(
        await post(GITHUB, githubBody('alpha-core', { repository_owner: 'nobody-here' })),
        400,
        'Unknown GitHub user or organization',
      );
      expectRefusal(
        await post(GITHUB, githubBody('alpha-core', { repository_owner: 'nobody-here' }), {
          token: token('ErinTrustpub'),
        }),
        400,
        'Must have a linked GitHub account to create a Trusted Publishing config',
      );
      expect(sim.state.db.githubConfigs).toHaveLength(7);
    });
  });

  describe('when the GitHub API fails (control endpoint)', () => {
    it('answers crates.io’s 401, 403 and 500 after every other check, saving nothing', async () => {
      const cases: [string, number, string][] = [
        [
          'token-expired',
          401,
          'It looks like your GitHub session has expired or the token was revoked. Please try logging out and logging back in to re-authenticate.',
        ],
        [
          'forbidden',
          403,
          "It looks like you don't have permission to query a necessary property from GitHub to complete this request. You may need to re-authenticate on crates.io to grant permission to read GitHub org memberships.",
        ],
        ['down', 500, 'Internal Server Error'],
      ];
      for (const [failure, status, detail] of cases) {
        const set = await sim.call('PUT', '/__control/github', { json: { failure } });
        expect(set.json).toEqual({ failure });
        expectRefusal(await post(GITHUB, githubBody('alpha_util')), status, detail);
        expectRefusal(
          await post(GITHUB, githubBody('alpha-core'), { token: token('ErinTrustpub') }),
          400,
          'Must have a linked GitHub account to create a Trusted Publishing config',
        );
      }
      expect((await post(GITLAB, gitlabBody('alpha_util'))).status).toBe(200);
      await sim.call('PUT', '/__control/github', { json: { failure: null } });
      expect((await post(GITHUB, githubBody('alpha_util'))).status).toBe(200);
      expect(sim.state.db.githubConfigs).toHaveLength(8);
    });
  });

  describe('GitLab', () => {
    it('answers 200 with namespace_id null, on its own id sequence', async () => {
      const result = await post(GITLAB, gitlabBody('alpha_util', { environment: 'prod' }));
      expect(result.status).toBe(200);
      expect(result.json).toEqual({
        gitlab_config: {
          id: 2,
          crate: 'alpha_util',
          namespace: 'alice',
          namespace_id: null,
          project: 'alpha',
          workflow_filepath: 'ci/publish.yml',
          environment: 'prod',
          created_at: sim.state.clock.now().toISOString(),
        },
      });
    });

    it('needs no linked GitHub account, but a verified e-mail', async () => {
      expect(
        (await post(GITLAB, gitlabBody('alpha-core'), { token: token('ErinTrustpub') })).status,
      ).toBe(200);
      expectRefusal(
        await post(GITLAB, gitlabBody('alpha-core'), { token: token('DaveTrustpub') }),
        403,
        'You must verify your email address to create a Trusted Publishing config',
      );
    });

    it('checks GitLab’s field rules before authentication', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ namespace: '' }, 'GitLab namespace may not be empty'],
        [{ namespace: 'group.git' }, 'GitLab namespace cannot end with .atom or .git'],
        [{ namespace: 'a//' }, 'Invalid GitLab namespace'],
        [{ project: 'x.atom' }, 'GitLab project name cannot end with .atom or .git'],
        [{ project: 'a/b' }, 'Invalid GitLab project name'],
        [{ workflow_filepath: '/ci.yml' }, 'Workflow filepath cannot start with /'],
        [{ workflow_filepath: 'ci/' }, 'Workflow filepath cannot end with /'],
        [{ workflow_filepath: 'ci/publish' }, 'Workflow filepath must end with `.yml` or `.yaml`'],
        [{ environment: 'a,b' }, 'Environment name contains invalid characters'],
      ];
      for (const [fields, detail] of cases) {
        expectRefusal(await post(GITLAB, gitlabBody('nope', fields), {}), 400, detail);
      }
      expect((await post(GITLAB, gitlabBody('alpha_util', { namespace: 'a/b/c' }))).status).toBe(
        200,
      );
      expectRefusal(
        await post(GITLAB, {}),
        422,
        'Failed to deserialize the JSON body into the target type: missing field `gitlab_config` at line 1 column 2',
      );
    });

    it('has its own 5-config limit text', async () => {
      for (let index = 0; index < 4; index += 1) {
        expect((await post(GITLAB, gitlabBody('alpha-core'))).status).toBe(200);
      }
      expectRefusal(
        await post(GITLAB, gitlabBody('alpha-core'), { token: token('BobTrustpub') }),
        409,
        'This crate already has the maximum number of GitLab Trusted Publishing configurations (5)',
      );
    });
  });
});
