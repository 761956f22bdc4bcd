import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scopesSeed, token } from '../test-support/seeds';
import { TestSim } from '../test-support/test-sim';

describe('request log', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: scopesSeed() });
  });
  afterEach(() => sim.close());

  it('records every authenticated request with credential, outcome and reason', async () => {
    sim.state.clock.freeze();
    const tokenId = sim.state.tokenByPlaintext(token('AliceYank'))?.id;
    await sim.call('DELETE', '/api/v1/crates/alpha-core/0.1.0/yank', { token: token('AliceYank') });
    await sim.call('PUT', '/api/v1/crates/alpha-core/0.1.0/unyank', { token: token('BobLegacy') });
    await sim.call('GET', '/api/v1/me');
    expect(sim.state.requestLog.entries).toEqual([
      {
        seq: 1,
        at: sim.state.clock.now().toISOString(),
        method: 'DELETE',
        endpoint: '/api/v1/crates/:name/:version/yank',
        path: '/api/v1/crates/alpha-core/0.1.0/yank',
        credential: 'token',
        tokenId,
        userId: 1,
        outcome: 'allowed',
        status: 200,
        reason: null,
        cause: null,
      },
      expect.objectContaining({
        credential: 'token',
        userId: 2,
        outcome: 'refused',
        status: 403,
        reason: 'must already be an owner to yank or unyank',
      }),
      expect.objectContaining({ credential: 'none', outcome: 'refused', status: 403 }),
    ]);
  });

  it('logs a request refused before authentication started, with what it carried', async () => {
    const cookie = await sim.signIn('alice');
    await sim.call('PUT', '/api/v1/me/tokens', { cookie, body: 'not json' });
    expect(sim.state.requestLog.entries.at(-1)).toMatchObject({
      endpoint: '/api/v1/me/tokens',
      credential: 'cookie',
      outcome: 'refused',
      status: 415,
    });
  });

  it('leaves public endpoints out', async () => {
    await sim.call('GET', '/api/v1/crates/alpha-core/owners');
    await sim.call('GET', '/index/config.json');
    expect(sim.state.requestLog.entries).toEqual([]);
  });
});
