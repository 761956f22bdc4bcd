import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSim } from '../../test-support/test-sim';

describe('POST /api/private/session/begin', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start();
  });
  afterEach(() => sim.close());

  it('answers {url, state} with a GitHub URL on the simulator and a cookie holding the state', async () => {
    const result = await sim.call('POST', '/api/private/session/begin');
    expect(result.status).toBe(200);
    const { url, state } = result.json as { url: string; state: string };
    const github = new URL(url);
    expect(github.origin).toBe(sim.sim.url);
    expect(github.pathname).toBe('/github/login/oauth/authorize');
    expect(github.searchParams.get('state')).toBe(state);
    expect(github.searchParams.get('client_id')).not.toBeNull();
    const cookie = result.headers
      .getSetCookie()
      .find((value) => value.startsWith('cargo_session='));
    const id = cookie?.split(';')[0]?.split('=')[1] ?? '';
    expect(sim.state.db.sessions.get(id)?.oauthState).toBe(state);
    expect(sim.state.db.sessions.get(id)?.userId).toBeNull();
  });
});
