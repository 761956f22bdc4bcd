import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { token } from '../../test-support/seeds';
import { detailOf, TestSim, type CallOptions, type CallResult } from '../../test-support/test-sim';
import { trustpubSeed } from '../../test-support/trustpub-seed';

const LEGACY_REFUSED =
  'This endpoint cannot be used with legacy API tokens. Use a scoped API token instead.';
const NOT_OWNER = 'only owners have permission to modify crate settings';

describe('PATCH /api/v1/crates/{name} (trustpub_only)', () => {
  let sim: TestSim;
  let alice: string;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: trustpubSeed() });
    alice = await sim.signIn('alice');
  });
  afterEach(() => sim.close());

  const patch = (name: string, json: unknown, auth: CallOptions = { cookie: alice }) =>
    sim.call('PATCH', `/api/v1/crates/${name}`, { ...auth, json });
  const lock = (name: string, auth?: CallOptions) =>
    patch(name, { crate: { trustpub_only: true } }, auth);
  const expectRefusal = (result: CallResult, status: number, detail: string) => {
    expect([result.status, detailOf(result)]).toEqual([status, detail]);
  };
  const locked = (name: string) => sim.state.db.crateByName(name)?.trustpubOnly;

  it('sets and clears trustpub_only; the answer’s crate has no version data', async () => {
    const result = await lock('alpha-core');
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      crate: {
        name: 'alpha-core',
        trustpub_only: true,
        max_version: '0.0.0',
        newest_version: '0.0.0',
        max_stable_version: null,
        versions: null,
        keywords: null,
        categories: null,
      },
    });
    expect(locked('alpha-core')).toBe(true);
    const shown = await sim.call('GET', '/api/v1/crates/alpha-core');
    expect(shown.json).toMatchObject({ crate: { trustpub_only: true } });
    expect((await patch('alpha-core', { crate: { trustpub_only: false } })).status).toBe(200);
    expect(locked('alpha-core')).toBe(false);
  });

  it('leaves it unchanged for {"crate":{}} and a null trustpub_only', async () => {
    await lock('alpha-core');
    for (const body of [{ crate: {} }, { crate: { trustpub_only: null } }]) {
      const result = await patch('alpha-core', body);
      expect(result.json).toMatchObject({ crate: { trustpub_only: true } });
    }
    expect(locked('alpha-core')).toBe(true);
  });

  it('needs no config: a crate without one can be locked', async () => {
    expect((await lock('alpha_util')).status).toBe(200);
  });

  it('reads the body first (415/422), even for an unknown crate and no credentials', async () => {
    const plain = await sim.call('PATCH', '/api/v1/crates/nope', { body: '{}' });
    expectRefusal(plain, 415, 'Expected request with `Content-Type: application/json`');
    expectRefusal(
      await patch('nope', {}, {}),
      422,
      'Failed to deserialize the JSON body into the target type: missing field `crate` at line 1 column 2',
    );
    const wrong = await patch('alpha-core', { crate: { trustpub_only: 'yes' } });
    expect(wrong.status).toBe(422);
    expect(detailOf(wrong)).toMatch(
      /crate\.trustpub_only: invalid type: string "yes", expected a boolean/,
    );
  });

  it('answers 404 before authentication, then the auth 403s', async () => {
    expectRefusal(await lock('nope', {}), 404, 'crate `nope` does not exist');
    expectRefusal(await lock('alpha-core', {}), 403, AUTH_MESSAGES.required);
    expectRefusal(
      await lock('alpha-core', { cookie: alice, origin: 'https://evil.example' }),
      403,
      AUTH_MESSAGES.invalidOrigin,
    );
  });

  it('refuses legacy tokens after the scope and pattern check', async () => {
    expectRefusal(await lock('alpha-core', { token: token('AliceLegacy') }), 403, LEGACY_REFUSED);
    expectRefusal(
      await lock('alpha-core', { token: token('AliceLegacyScoped') }),
      403,
      LEGACY_REFUSED,
    );
    expectRefusal(
      await lock('alpha_util', { token: token('AliceLegacyScoped') }),
      403,
      AUTH_MESSAGES.missingPermissions,
    );
    expect(locked('alpha-core')).toBe(false);
  });

  it('needs trusted-publishing and a pattern matching the crate’s own name', async () => {
    expectRefusal(
      await lock('alpha-core', { token: token('AliceYank') }),
      403,
      AUTH_MESSAGES.missingPermissions,
    );
    expectRefusal(
      await lock('full-crate', { token: token('AliceTrustpubAlpha') }),
      403,
      AUTH_MESSAGES.missingPermissions,
    );
    // Found as ALPHA_CORE, checked as alpha-core: the pattern alpha* matches.
    expect((await lock('ALPHA_CORE', { token: token('AliceTrustpubAlpha') })).status).toBe(200);
  });

  it('allows direct owners with an e-mail on file, verified or not', async () => {
    expectRefusal(await lock('alpha-core', { token: token('BobTrustpub') }), 403, NOT_OWNER);
    expectRefusal(await lock('alpha-core', { token: token('CarolTrustpub') }), 403, NOT_OWNER);
    expect((await lock('alpha-core', { token: token('DaveTrustpub') })).status).toBe(200);
  });
});
