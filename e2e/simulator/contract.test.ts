import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_CLIENT_ID } from './handlers/session/github';
import { loadOpenApiContract, OPENAPI_ABSENT_MESSAGE } from './test-support/openapi';
import { metadata, publishBody } from './test-support/publish-body';
import { scopesSeed, token } from './test-support/seeds';
import { contractChecked, TestSim } from './test-support/test-sim';

const absent = loadOpenApiContract() === null;
const LEGACY = token('AliceLegacy');
const YANK = token('AliceYank');

/** Every documented operation the simulator implements, and the answer classes each must show. */
const EXPECTED = [
  'POST /api/private/session/begin 2XX 5XX',
  'POST /api/private/session/authorize 2XX 4XX',
  'DELETE /api/private/session 2XX 5XX',
  'GET /api/v1/me 2XX 4XX',
  'GET /api/v1/me/tokens 2XX 4XX',
  'PUT /api/v1/me/tokens 2XX 4XX 5XX',
  'GET /api/v1/me/tokens/{id} 2XX 4XX',
  'DELETE /api/v1/me/tokens/{id} 2XX 4XX',
  'DELETE /api/v1/tokens/current 2XX 4XX',
  'GET /api/v1/crates 2XX 4XX',
  'PUT /api/v1/crates/new 2XX 4XX',
  'GET /api/v1/crates/{name}/owners 2XX 4XX',
  'PUT /api/v1/crates/{name}/owners 2XX 4XX',
  'DELETE /api/v1/crates/{name}/owners 2XX 4XX',
  'DELETE /api/v1/crates/{name}/{version}/yank 2XX 4XX',
  'PUT /api/v1/crates/{name}/{version}/unyank 2XX 4XX',
  'GET /api/v1/crates/{name}/{version}/download 2XX 3XX 4XX',
  'GET /api/v1/crates/{name} 2XX 4XX',
  'PATCH /api/v1/crates/{name} 2XX 4XX',
  'GET /api/v1/trusted_publishing/github_configs 2XX 4XX',
  'POST /api/v1/trusted_publishing/github_configs 2XX 4XX',
  'DELETE /api/v1/trusted_publishing/github_configs/{id} 2XX 4XX',
  'GET /api/v1/trusted_publishing/gitlab_configs 2XX 4XX',
  'POST /api/v1/trusted_publishing/gitlab_configs 2XX 4XX',
  'DELETE /api/v1/trusted_publishing/gitlab_configs/{id} 2XX 4XX',
].flatMap((line) => {
  const [method, template, ...classes] = line.split(' ');
  return classes.map((statusClass) => `${method} ${template} ${statusClass}`);
});

const title = absent
  ? `OpenAPI contract (skipped: ${OPENAPI_ABSENT_MESSAGE})`
  : 'every route answers per openapi.json (success and error)';

// TestSim checks each answer against openapi.json and throws on a mismatch;
// these tests make sure every route and answer class goes through it.
describe.skipIf(absent)(title, () => {
  let sim: TestSim;
  let cookie: string;
  beforeAll(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
    cookie = await sim.signIn('alice');
  });
  afterAll(() => sim.close());

  const withFault = async (run: () => Promise<unknown>) => {
    sim.state.faults.add({ kind: 'http-503', times: 1 });
    await run();
  };

  it('session routes', async () => {
    const begin = await sim.call('POST', '/api/private/session/begin');
    const { url } = begin.json as { url: string };
    const pending = begin.headers.getSetCookie()[0]?.split(';')[0]?.split('=')[1] ?? '';
    const consent = await sim.call(
      'GET',
      `/github/login/oauth/authorize?client_id=${GITHUB_CLIENT_ID}&state=${new URL(url).searchParams.get('state') ?? ''}&login=${sim.state.defaultUser.login}`,
    );
    const back = new URL(consent.headers.get('Location') ?? '');
    const json = { code: back.searchParams.get('code'), state: back.searchParams.get('state') };
    expect(
      (await sim.call('POST', '/api/private/session/authorize', { cookie: pending, json })).status,
    ).toBe(200);
    expect((await sim.call('POST', '/api/private/session/authorize', { json })).status).toBe(400);
    await withFault(() => sim.call('POST', '/api/private/session/begin'));
    const other = await sim.signIn('bob');
    expect((await sim.call('DELETE', '/api/private/session', { cookie: other })).status).toBe(200);
    await withFault(() => sim.call('DELETE', '/api/private/session'));
  });

  it('user and token routes', async () => {
    await sim.call('GET', '/api/v1/me', { cookie });
    await sim.call('GET', '/api/v1/me', { token: LEGACY });
    await sim.call('GET', '/api/v1/me/tokens?expired_days=30', { cookie });
    await sim.call('GET', '/api/v1/me/tokens', { token: LEGACY });
    const created = await sim.call('PUT', '/api/v1/me/tokens', {
      cookie,
      json: {
        api_token: { name: 'contract', endpoint_scopes: ['yank'], crate_scopes: ['alpha*'] },
      },
    });
    const id = (created.json as { api_token: { id: number } }).api_token.id;
    await sim.call('PUT', '/api/v1/me/tokens', { cookie, json: { api_token: { name: '' } } });
    sim.state.tokenCreation.enabled = false;
    await sim.call('PUT', '/api/v1/me/tokens', { cookie, json: { api_token: { name: 'off' } } });
    sim.state.tokenCreation.enabled = true;
    await sim.call('GET', `/api/v1/me/tokens/${id}`, { cookie });
    await sim.call('GET', '/api/v1/me/tokens/99999', { cookie });
    await sim.call('DELETE', `/api/v1/me/tokens/${id}`, { cookie });
    await sim.call('DELETE', `/api/v1/me/tokens/${id}`, { token: YANK });
    await sim.call('DELETE', '/api/v1/tokens/current', { cookie });
    await sim.call('DELETE', '/api/v1/tokens/current', { token: token('AliceLegacyScoped') });
    // Last: this revokes the token making the call.
    await sim.call('DELETE', '/api/v1/tokens/current', { token: token('BobLegacy') });
  });

  it('crate routes', async () => {
    await sim.call('GET', '/api/v1/crates?user_id=1&per_page=2');
    await sim.call('GET', '/api/v1/crates?user_id=1&per_page=1000');
    await sim.call('PUT', '/api/v1/crates/new', {
      token: LEGACY,
      body: publishBody(metadata('contract-crate')),
    });
    await sim.call('PUT', '/api/v1/crates/new', {
      token: YANK,
      body: publishBody(metadata('contract-two')),
    });
    await sim.call('GET', '/api/v1/crates/contract-crate/owners');
    await sim.call('GET', '/api/v1/crates/missing/owners');
    await sim.call('PUT', '/api/v1/crates/contract-crate/owners', {
      token: LEGACY,
      json: { users: ['bob'] },
    });
    await sim.call('PUT', '/api/v1/crates/contract-crate/owners', {
      token: YANK,
      json: { users: ['bob'] },
    });
    await sim.call('PUT', '/api/v1/crates/alpha-core/owners', {
      cookie,
      json: { owners: ['bob'] },
    });
    sim.state.db.crateByName('alpha-core')?.ownerIds.push(2);
    await sim.call('DELETE', '/api/v1/crates/alpha-core/owners', {
      cookie,
      json: { owners: ['bob'] },
    });
    await sim.call('DELETE', '/api/v1/crates/alpha-core/owners', {
      cookie,
      json: { owners: ['alice'] },
    });
    await sim.call('DELETE', '/api/v1/crates/alpha-core/0.1.0/yank', { token: YANK });
    await sim.call('DELETE', '/api/v1/crates/alpha-core/9.0.0/yank', { token: YANK });
    await sim.call('PUT', '/api/v1/crates/alpha-core/0.1.0/unyank', { token: YANK });
    await sim.call('PUT', '/api/v1/crates/alpha-core/0.1.0/unyank', {
      token: token('AlicePublishAlpha'),
    });
    await sim.call('GET', '/api/v1/crates/contract-crate/0.1.0/download');
    await sim.call('GET', '/api/v1/crates/contract-crate/0.1.0/download', {
      headers: { Accept: 'application/json' },
    });
    await sim.call('GET', '/api/v1/crates/contract-crate/3.0.0/download');
  });

  it('crate settings and trusted-publishing routes', async () => {
    await sim.call('GET', '/api/v1/crates/alpha_util');
    await sim.call('GET', '/api/v1/crates/missing');
    const locked = await sim.call('PATCH', '/api/v1/crates/alpha_util', {
      cookie,
      json: { crate: { trustpub_only: true } },
    });
    expect(locked.json).toMatchObject({ crate: { trustpub_only: true } });
    await sim.call('PATCH', '/api/v1/crates/alpha_util', { token: LEGACY, json: { crate: {} } });
    for (const provider of ['github', 'gitlab'] as const) {
      const path = `/api/v1/trusted_publishing/${provider}_configs`;
      const fields =
        provider === 'github'
          ? { repository_owner: 'alice', repository_name: 'alpha', workflow_filename: 'ci.yml' }
          : { namespace: 'alice', project: 'alpha', workflow_filepath: '.gitlab-ci.yml' };
      const created = await sim.call('POST', path, {
        cookie,
        json: { [`${provider}_config`]: { crate: 'alpha_util', ...fields, environment: null } },
      });
      expect(created.status).toBe(200);
      await sim.call('POST', path, { cookie, json: {} });
      const listed = await sim.call('GET', `${path}?crate=alpha_util&per_page=1`, { cookie });
      expect(listed.json).toMatchObject({ meta: { total: 1 } });
      await sim.call('GET', `${path}?user_id=1`, { cookie });
      await sim.call('GET', `${path}?user_id=1`, { token: LEGACY });
      await sim.call('GET', path, { cookie });
      const { id } = (created.json as Record<string, { id: number }>)[`${provider}_config`] ?? {
        id: -1,
      };
      expect((await sim.call('DELETE', `${path}/${id}`, { cookie })).status).toBe(204);
      await sim.call('DELETE', `${path}/${id}`, { cookie });
    }
  });

  it('covered every documented route the simulator implements, success and error', () => {
    expect([...contractChecked].sort()).toEqual([...EXPECTED].sort());
  });
});
