import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { token } from '../../test-support/seeds';
import { detailOf, TestSim, type CallOptions, type CallResult } from '../../test-support/test-sim';
import { trustpubSeed } from '../../test-support/trustpub-seed';
import { encodeSeek } from './paging';

interface GithubList {
  github_configs: { id: number; crate: string; repository_owner: string }[];
  meta: { total: number; next_page: string | null };
}

const GITHUB = '/api/v1/trusted_publishing/github_configs';
const GITLAB = '/api/v1/trusted_publishing/gitlab_configs';
const ALICE = 1;

describe('GET /api/v1/trusted_publishing/{github,gitlab}_configs', () => {
  let sim: TestSim;
  let alice: string;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: trustpubSeed() });
    alice = await sim.signIn('alice');
  });
  afterEach(() => sim.close());

  const list = (query: string, auth: CallOptions = { cookie: alice }, path = GITHUB) =>
    sim.call('GET', `${path}?${query}`, auth);
  const ids = (result: { json: unknown }) =>
    (result.json as GithubList).github_configs.map((config) => config.id);
  const expectRefusal = (result: CallResult, status: number, detail: string) => {
    expect([result.status, detailOf(result)]).toEqual([status, detail]);
  };

  describe('query parameters', () => {
    it('wants exactly one of crate and user_id, checked before authentication', async () => {
      expectRefusal(
        await list('', {}),
        400,
        'Must specify either `crate` or `user_id` query parameter',
      );
      expectRefusal(
        await list('crate=alpha-core&user_id=1', {}),
        400,
        'Cannot specify both `crate` and `user_id` query parameters',
      );
      expectRefusal(
        await list('per_page=5', { origin: 'https://evil.example' }),
        400,
        'Must specify either `crate` or `user_id` query parameter',
      );
    });

    it('refuses a user_id that is not an i32, like axum', async () => {
      expectRefusal(
        await list('user_id=abc', {}),
        400,
        'Failed to deserialize query string: user_id: invalid digit found in string',
      );
    });
  });

  describe('?crate=NAME', () => {
    it('lists the crate’s configs for an owner, no-store, by id', async () => {
      const result = await list('crate=alpha-core');
      expect(result.status).toBe(200);
      expect(result.headers.get('Cache-Control')).toBe('no-store');
      expect(result.json).toEqual({
        github_configs: [
          {
            id: 1,
            crate: 'alpha-core',
            repository_owner: 'alice',
            repository_owner_id: 101,
            repository_name: 'alpha',
            workflow_filename: 'ci.yml',
            environment: 'release',
            created_at: expect.any(String) as unknown,
          },
        ],
        meta: { total: 1, next_page: null },
      });
      const gitlab = await list('crate=alpha-core', { cookie: alice }, GITLAB);
      expect(gitlab.json).toEqual({
        gitlab_configs: [
          {
            id: 1,
            crate: 'alpha-core',
            namespace: 'alice',
            namespace_id: null,
            project: 'alpha',
            workflow_filepath: '.gitlab-ci.yml',
            environment: null,
            created_at: expect.any(String) as unknown,
          },
        ],
        meta: { total: 1, next_page: null },
      });
    });

    it('finds the crate ignoring case and -/_, answering its own spelling', async () => {
      const result = await list('crate=ALPHA_CORE');
      expect(result.status).toBe(200);
      expect((result.json as GithubList).github_configs[0]?.crate).toBe('alpha-core');
    });

    it('matches token patterns against the name as typed', async () => {
      const alpha = { token: token('AliceTrustpubAlpha') };
      expect((await list('crate=alpha_core', alpha)).status).toBe(200);
      expectRefusal(await list('crate=ALPHA-CORE', alpha), 403, AUTH_MESSAGES.missingPermissions);
      expect(sim.state.requestLog.entries.at(-1)?.cause).toBe('Crate scope mismatch');
    });

    it('takes the cookie, legacy and trusted-publishing tokens; refuses other scopes', async () => {
      expect((await list('crate=alpha-core', { token: token('AliceLegacy') })).status).toBe(200);
      expect((await list('crate=alpha-core', { token: token('AliceTrustpubAll') })).status).toBe(
        200,
      );
      expectRefusal(
        await list('crate=alpha-core', { token: token('AliceYank') }),
        403,
        AUTH_MESSAGES.missingPermissions,
      );
      const scopedLegacy = { token: token('AliceLegacyScoped') };
      expect((await list('crate=alpha-core', scopedLegacy)).status).toBe(200);
      expectRefusal(
        await list('crate=alpha_util', scopedLegacy),
        403,
        AUTH_MESSAGES.missingPermissions,
      );
    });

    it('authenticates before looking the crate up, then checks ownership', async () => {
      expectRefusal(await list('crate=nope', {}), 403, AUTH_MESSAGES.required);
      expectRefusal(
        await list('crate=alpha-core', { origin: 'https://evil.example', cookie: alice }),
        403,
        AUTH_MESSAGES.invalidOrigin,
      );
      expectRefusal(await list('crate=nope'), 404, 'crate `nope` does not exist');
      expectRefusal(
        await list('crate=alpha-core', { token: token('BobLegacy') }),
        400,
        'You are not an owner of this crate',
      );
    });

    it('lets an owner without an e-mail address list (only create and delete need one)', async () => {
      expect(ids(await list('crate=alpha-core', { token: token('CarolTrustpub') }))).toEqual([1]);
    });
  });

  describe('?user_id=ID', () => {
    it('lists every config of every crate the caller owns', async () => {
      const result = await list(`user_id=${ALICE}`);
      expect(ids(result)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((result.json as GithubList).meta).toEqual({ total: 6, next_page: null });
      expect(result.headers.get('Cache-Control')).toBe('no-store');
    });

    it('filters by the token’s patterns instead of refusing', async () => {
      const alpha = await list(`user_id=${ALICE}`, { token: token('AliceTrustpubAlpha') });
      expect(ids(alpha)).toEqual([1]);
      expect((alpha.json as GithubList).meta.total).toBe(1);
      const all = await list(`user_id=${ALICE}`, { token: token('AliceTrustpubAll') });
      expect(ids(all)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('refuses legacy tokens, with or without patterns', async () => {
      for (const legacy of ['AliceLegacy', 'AliceLegacyScoped']) {
        expectRefusal(
          await list(`user_id=${ALICE}`, { token: token(legacy) }),
          403,
          'This endpoint cannot be used with legacy API tokens. Use a scoped API token instead.',
        );
      }
    });

    it('answers only for the caller’s own id, after the scope check', async () => {
      expectRefusal(
        await list('user_id=2'),
        403,
        'this action requires authentication as the specified user',
      );
      expectRefusal(
        await list('user_id=2', { token: token('AliceYank') }),
        403,
        AUTH_MESSAGES.missingPermissions,
      );
      expectRefusal(await list(`user_id=${ALICE}`, {}), 403, AUTH_MESSAGES.required);
    });
  });

  describe('seek paging', () => {
    it('pages by id; a last full page links to one empty page', async () => {
      const first = await list(`user_id=${ALICE}&per_page=3`);
      expect(ids(first)).toEqual([1, 2, 3]);
      expect((first.json as GithubList).meta).toEqual({
        total: 6,
        next_page: `?user_id=${ALICE}&per_page=3&seek=${encodeSeek(3)}`,
      });
      const second = await list(`user_id=${ALICE}&per_page=3&seek=${encodeSeek(3)}`);
      expect(ids(second)).toEqual([4, 5, 6]);
      const next = (second.json as GithubList).meta.next_page;
      expect(next).toBe(`?user_id=${ALICE}&per_page=3&seek=${encodeSeek(6)}`);
      const empty = await sim.call('GET', `${GITHUB}${next ?? ''}`, { cookie: alice });
      expect(empty.json).toEqual({ github_configs: [], meta: { total: 6, next_page: null } });
    });

    it('writes the seek key as crates.io does (base64url of the id, no padding)', () => {
      expect(encodeSeek(5)).toBe('NQ');
      expect(encodeSeek(12)).toBe('MTI');
    });

    it('defaults to 10 per page and accepts up to 100', async () => {
      const fifteen = Array.from({ length: 15 }, (_, index) => `c${index}.yml`);
      for (const workflow of fifteen) {
        sim.state.db.githubConfigs.push({
          id: sim.state.db.nextId('githubConfig'),
          crateId: 2,
          repositoryOwner: 'alice',
          repositoryOwnerId: 101,
          repositoryName: 'util',
          workflowFilename: workflow,
          environment: null,
          createdAt: new Date(),
        });
      }
      const page = await list(`user_id=${ALICE}`);
      // Bob's config (7) sits between alice's seeded ones and the new ones.
      expect(ids(page)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11]);
      expect((page.json as GithubList).meta.total).toBe(21);
      expect((page.json as GithubList).meta.next_page).toBe(
        `?user_id=${ALICE}&seek=${encodeSeek(11)}`,
      );
      expect(ids(await list(`user_id=${ALICE}&per_page=100`))).toHaveLength(21);
    });

    it('refuses page, more than 100, zero, a bad seek — after authentication', async () => {
      const refusals: [string, string][] = [
        ['page=1', '?page= is not supported for this request'],
        ['page=1&seek=MQ', 'providing both ?page= and ?seek= is unsupported'],
        ['per_page=101', 'cannot request more than 100 items'],
        [
          'per_page=0',
          'Failed to deserialize query string: per_page: invalid value: integer `0`, expected a nonzero u32',
        ],
        [
          'per_page=x',
          'Failed to deserialize query string: per_page: invalid digit found in string',
        ],
        ['seek=nonsense!', 'invalid seek parameter'],
        ['seek=bm9wZQ', 'invalid seek parameter'],
        ['seek=', 'invalid seek parameter'],
      ];
      for (const [query, detail] of refusals) {
        expectRefusal(await list(`crate=alpha-core&${query}`), 400, detail);
      }
      expectRefusal(await list('crate=alpha-core&page=1', {}), 403, AUTH_MESSAGES.required);
      expectRefusal(
        await list('crate=bobs-crate&page=1'),
        400,
        'You are not an owner of this crate',
      );
    });
  });
});
