import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { metadata, publishBody } from '../../test-support/publish-body';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

const PUBLISH_ALPHA = token('AlicePublishAlpha');

describe('PUT /api/v1/crates/new', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  const publish = (meta: Record<string, unknown>, auth: { token?: string; cookie?: string }) =>
    sim.call('PUT', '/api/v1/crates/new', { ...auth, body: publishBody(meta) });

  it('publishes a new crate with publish-new matching its pattern', async () => {
    const result = await publish(metadata('alpha-new'), { token: PUBLISH_ALPHA });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      crate: { name: 'alpha-new', max_version: '0.1.0', num_versions: 1 },
      warnings: { invalid_categories: [], invalid_badges: [], other: [] },
    });
    const version = sim.state.db.crateByName('alpha-new')?.versions[0];
    expect(version?.cksum).toBe(
      createHash('sha256')
        .update(new Uint8Array([1, 2, 3]))
        .digest('hex'),
    );
  });

  it('needs publish-update for a new version of an existing crate', async () => {
    const result = await publish(metadata('alpha-core', '0.3.0'), { token: PUBLISH_ALPHA });
    expect(result.status).toBe(200);
    const newOnly = await TestSim.start({
      seed: scopesSeed({
        tokens: [
          { user: 'alice', name: 'n', token: token('NewOnly'), endpoint_scopes: ['publish-new'] },
        ],
      }),
    });
    try {
      const refused = await newOnly.call('PUT', '/api/v1/crates/new', {
        token: token('NewOnly'),
        body: publishBody(metadata('alpha-core', '0.3.0')),
      });
      expect(refused.status).toBe(403);
      expect(detailOf(refused)).toBe(AUTH_MESSAGES.missingPermissions);
      const fresh = await newOnly.call('PUT', '/api/v1/crates/new', {
        token: token('NewOnly'),
        body: publishBody(metadata('brand-new')),
      });
      expect(fresh.status).toBe(200);
    } finally {
      await newOnly.close();
    }
  });

  it('checks the crate against the token patterns (case-sensitive, literal)', async () => {
    for (const name of ['beta', 'Alpha-x']) {
      const result = await publish(metadata(name), { token: PUBLISH_ALPHA });
      expect(result.status).toBe(403);
      expect(detailOf(result)).toBe(AUTH_MESSAGES.missingPermissions);
    }
    expect(sim.state.requestLog.entries.at(-1)?.cause).toBe('Crate scope mismatch');
  });

  it('refuses a token without any publish scope', async () => {
    const result = await publish(metadata('alpha-new'), { token: token('AliceYank') });
    expect(result.status).toBe(403);
    expect(sim.state.requestLog.entries.at(-1)?.cause).toBe('Endpoint scope mismatch');
  });

  it('allows legacy tokens and the cookie', async () => {
    expect((await publish(metadata('legacy-made'), { token: token('AliceLegacy') })).status).toBe(
      200,
    );
    const cookie = await sim.signIn('alice');
    expect((await publish(metadata('cookie-made'), { cookie })).status).toBe(200);
  });

  it("refuses a new version of someone else's crate", async () => {
    const result = await publish(metadata('bobs-crate', '9.0.0'), { token: token('AliceLegacy') });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toMatch(/^this crate exists but you don't seem to be an owner/);
  });

  it('refuses a version that is already uploaded, and a differently spelled name', async () => {
    const again = await publish(metadata('alpha-core', '0.2.0'), { token: token('AliceLegacy') });
    expect(detailOf(again)).toBe('crate version `0.2.0` is already uploaded');
    const renamed = await publish(metadata('alpha_core', '0.9.0'), { token: token('AliceLegacy') });
    expect(detailOf(renamed)).toBe('crate was previously named `alpha-core`');
  });

  it('refuses bad names, versions and missing metadata', async () => {
    const legacy = { token: token('AliceLegacy') };
    expect((await publish(metadata('1bad'), legacy)).status).toBe(400);
    expect(detailOf(await publish(metadata('good', 'one'), legacy))).toBe(
      '"one" is an invalid semver version',
    );
    const bare = await publish(
      metadata('good', '0.1.0', { description: null, license: '' }),
      legacy,
    );
    expect(detailOf(bare)).toMatch(/^missing or empty metadata fields: description, license\./);
    const garbage = await sim.call('PUT', '/api/v1/crates/new', { ...legacy, body: 'nope' });
    expect(garbage.status).toBe(400);
  });

  it('needs a verified e-mail address to publish', async () => {
    const unverified = await TestSim.start({
      seed: scopesSeed({ users: [{ login: 'alice', email_verified: false }, { login: 'bob' }] }),
    });
    try {
      const result = await unverified.call('PUT', '/api/v1/crates/new', {
        token: token('AliceLegacy'),
        body: publishBody(metadata('alpha-new')),
      });
      expect(result.status).toBe(400);
      expect(detailOf(result)).toMatch(/^A verified email address is required/);
    } finally {
      await unverified.close();
    }
  });

  it('serves the uploaded .crate through the dl URL, as a redirect or {url}', async () => {
    await sim.call('PUT', '/api/v1/crates/new', {
      token: token('AliceLegacy'),
      body: publishBody(metadata('alpha-new'), new Uint8Array([9, 8, 7])),
    });
    const redirect = await sim.call('GET', '/api/v1/crates/alpha-new/0.1.0/download');
    expect(redirect.status).toBe(302);
    const asJson = await sim.call('GET', '/api/v1/crates/alpha-new/0.1.0/download', {
      headers: { Accept: 'application/json' },
    });
    expect(asJson.json).toEqual({ url: redirect.headers.get('Location') });
    const file = await fetch(redirect.headers.get('Location') ?? '');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
    const seeded = await fetch(`${sim.sim.url}/api/v1/crates/alpha-core/0.1.0/download`);
    expect(seeded.status).toBe(404);
    const missing = await sim.call('GET', '/api/v1/crates/alpha-new/7.0.0/download');
    expect(missing.status).toBe(404);
  });
});

describe('PUT /api/v1/crates/new for a trustpub_only crate', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
    const krate = sim.state.db.crateByName('alpha-core');
    if (krate) krate.trustpubOnly = true;
  });
  afterEach(() => sim.close());

  // crates.io's cargo_compat answers a cargo endpoint's refusal with status 200,
  // which openapi.json (200 = a published crate) does not describe.
  const publish = (auth: { token?: string; cookie?: string }, name = 'alpha-core') =>
    sim.call('PUT', '/api/v1/crates/new', {
      ...auth,
      body: publishBody(metadata(name, '0.3.0')),
      uncheckedBecause: 'a refusal with status 200 (cargo_compat)',
    });
  const REFUSAL =
    'New versions of this crate can only be published using Trusted Publishing (see https://crates.io/docs/trusted-publishing).';

  it('refuses legacy and scoped tokens and the cookie with status 200 and crates.io’s text', async () => {
    const cookie = await sim.signIn('alice');
    for (const auth of [{ token: token('AliceLegacy') }, { token: PUBLISH_ALPHA }, { cookie }]) {
      const result = await publish(auth);
      expect([result.status, result.json]).toEqual([200, { errors: [{ detail: REFUSAL }] }]);
    }
    expect(sim.state.db.crateByName('alpha-core')?.versions.map((v) => v.num)).toEqual([
      '0.1.0',
      '0.2.0',
    ]);
    expect(sim.state.requestLog.entries.at(-1)).toMatchObject({
      outcome: 'refused',
      status: 200,
      reason: REFUSAL,
      cause: 'crate is trustpub_only',
    });
  });

  it('checks the token’s own scope first, but refuses before the owner check', async () => {
    const noScope = await publish({ token: token('AliceYank') });
    expect([noScope.status, detailOf(noScope)]).toEqual([403, AUTH_MESSAGES.missingPermissions]);
    const stranger = await publish({ token: token('BobLegacy') });
    expect([stranger.status, detailOf(stranger)]).toEqual([200, REFUSAL]);
  });

  it('leaves other crates, new crates and yanking alone', async () => {
    expect((await publish({ token: token('AliceLegacy') }, 'alpha_util')).status).toBe(200);
    expect(sim.state.db.crateByName('alpha_util')?.versions.at(-1)?.num).toBe('0.3.0');
    expect((await publish({ token: token('AliceLegacy') }, 'alpha-new')).status).toBe(200);
    const yank = await sim.call('DELETE', '/api/v1/crates/alpha-core/0.1.0/yank', {
      token: token('AliceLegacy'),
    });
    expect(yank.status).toBe(200);
  });
});
