import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

describe('yank and unyank', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  const version = () => sim.state.db.crateByName('alpha-core')?.versions[0];

  it('yanks and unyanks with the yank scope, answering {"ok":true}', async () => {
    const auth = { token: token('AliceYank') };
    const yank = await sim.call('DELETE', '/api/v1/crates/alpha-core/0.1.0/yank', auth);
    expect([yank.status, yank.json]).toEqual([200, { ok: true }]);
    expect(version()?.yanked).toBe(true);
    const index = await sim.call('GET', '/index/al/ph/alpha-core');
    expect(index.text.split('\n')[0]).toContain('"yanked":true');
    const unyank = await sim.call('PUT', '/api/v1/crates/alpha-core/0.1.0/unyank', auth);
    expect([unyank.status, unyank.json]).toEqual([200, { ok: true }]);
    expect(version()?.yanked).toBe(false);
  });

  it('refuses a token without the yank scope', async () => {
    const result = await sim.call('DELETE', '/api/v1/crates/alpha-core/0.1.0/yank', {
      token: token('AlicePublishAlpha'),
    });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.missingPermissions);
    expect(version()?.yanked).toBe(false);
  });

  it('allows legacy tokens and the cookie', async () => {
    const legacy = await sim.call('DELETE', '/api/v1/crates/alpha-core/0.1.0/yank', {
      token: token('AliceLegacy'),
    });
    const cookie = await sim.signIn('alice');
    const byCookie = await sim.call('PUT', '/api/v1/crates/alpha-core/0.1.0/unyank', { cookie });
    expect([legacy.status, byCookie.status]).toEqual([200, 200]);
  });

  it('refuses non-owners and answers 404 for unknown crates and versions', async () => {
    const foreign = await sim.call('DELETE', '/api/v1/crates/bobs-crate/0.1.0/yank', {
      token: token('AliceLegacy'),
    });
    expect(detailOf(foreign)).toBe('must already be an owner to yank or unyank');
    const noCrate = await sim.call('DELETE', '/api/v1/crates/nope/0.1.0/yank', {
      token: token('AliceLegacy'),
    });
    expect([noCrate.status, detailOf(noCrate)]).toEqual([404, 'crate `nope` does not exist']);
    const noVersion = await sim.call('DELETE', '/api/v1/crates/alpha-core/9.9.9/yank', {
      token: token('AliceLegacy'),
    });
    expect(detailOf(noVersion)).toBe('crate `alpha-core` does not have a version `9.9.9`');
  });
});
