import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { token } from '../../test-support/seeds';
import { detailOf, TestSim, type CallOptions, type CallResult } from '../../test-support/test-sim';
import { trustpubSeed } from '../../test-support/trustpub-seed';

const GITHUB = '/api/v1/trusted_publishing/github_configs';
const GITLAB = '/api/v1/trusted_publishing/gitlab_configs';

describe('DELETE /api/v1/trusted_publishing/{github,gitlab}_configs/{id}', () => {
  let sim: TestSim;
  let alice: string;
  beforeEach(async () => {
    sim = await TestSim.start({
      seed: trustpubSeed({
        tokens: [
          { user: 'alice', name: 'legacy', token: token('AliceLegacy') },
          {
            user: 'alice',
            name: 'alpha',
            token: token('AliceTrustpubAlpha'),
            endpoint_scopes: ['trusted-publishing'],
            crate_scopes: ['alpha*'],
          },
          {
            user: 'alice',
            name: 'full',
            token: token('AliceTrustpubFull'),
            endpoint_scopes: ['trusted-publishing'],
            crate_scopes: ['full-crate'],
          },
          ...['Bob', 'Carol', 'Dave'].map((name) => ({
            user: name.toLowerCase(),
            name,
            token: token(`${name}Trustpub`),
            endpoint_scopes: ['trusted-publishing' as const],
          })),
        ],
      }),
    });
    alice = await sim.signIn('alice');
  });
  afterEach(() => sim.close());

  const remove = (path: string, auth: CallOptions = { cookie: alice }) =>
    sim.call('DELETE', path, auth);
  const expectRefusal = (result: CallResult, status: number, detail: string) => {
    expect([result.status, detailOf(result)]).toEqual([status, detail]);
  };

  it('deletes for an owner: 204 with an empty body, and the config is gone', async () => {
    const result = await remove(`${GITHUB}/1`);
    expect([result.status, result.text]).toEqual([204, '']);
    expect(sim.state.db.githubConfigs.map((config) => config.id)).not.toContain(1);
    const listed = await sim.call('GET', `${GITHUB}?crate=alpha-core`, { cookie: alice });
    expect(listed.json).toEqual({ github_configs: [], meta: { total: 0, next_page: null } });
    expectRefusal(await remove(`${GITHUB}/1`), 404, 'Not Found');
  });

  it('looks the id up first: 404 even for an anonymous caller, 403 for an existing id', async () => {
    expectRefusal(await remove(`${GITHUB}/999`, {}), 404, 'Not Found');
    expectRefusal(await remove(`${GITHUB}/1`, {}), 403, AUTH_MESSAGES.required);
    expectRefusal(
      await remove(`${GITHUB}/1`, { cookie: alice, origin: 'https://evil.example' }),
      403,
      AUTH_MESSAGES.invalidOrigin,
    );
    expectRefusal(await remove(`${GITHUB}/x`, {}), 400, 'Invalid URL: Cannot parse `x` to a `i32`');
  });

  it('keeps GitHub and GitLab ids apart', async () => {
    expect((await remove(`${GITLAB}/1`)).status).toBe(204);
    expect(sim.state.db.gitlabConfigs).toEqual([]);
    expect(sim.state.db.githubConfigs.map((config) => config.id)).toContain(1);
    expectRefusal(await remove(`${GITLAB}/2`, {}), 404, 'Not Found');
  });

  it('matches the token’s patterns against the config’s crate', async () => {
    expectRefusal(
      await remove(`${GITHUB}/1`, { token: token('AliceTrustpubFull') }),
      403,
      AUTH_MESSAGES.missingPermissions,
    );
    expect((await remove(`${GITHUB}/2`, { token: token('AliceTrustpubFull') })).status).toBe(204);
    expect((await remove(`${GITHUB}/1`, { token: token('AliceTrustpubAlpha') })).status).toBe(204);
    expect((await remove(`${GITHUB}/3`, { token: token('AliceLegacy') })).status).toBe(204);
  });

  it('refuses non-owners and owners without an e-mail; needs no verified e-mail', async () => {
    expectRefusal(
      await remove(`${GITHUB}/1`, { token: token('BobTrustpub') }),
      400,
      'You are not an owner of this crate',
    );
    expectRefusal(
      await remove(`${GITHUB}/1`, { token: token('CarolTrustpub') }),
      400,
      'You are not an owner of this crate',
    );
    expect((await remove(`${GITHUB}/1`, { token: token('DaveTrustpub') })).status).toBe(204);
  });
});
