import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSim } from '../../test-support/test-sim';
import { SESSION_LIFETIME_MS } from '../../models/time';

describe('DELETE /api/private/session', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start();
  });
  afterEach(() => sim.close());

  it('signs out: the session is invalid afterwards and the cookie is cleared', async () => {
    const cookie = await sim.signIn();
    const result = await sim.call('DELETE', '/api/private/session', { cookie });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ ok: true });
    expect(result.headers.getSetCookie().join()).toMatch(/cargo_session=;.*Max-Age=0/);
    const me = await sim.call('GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(403);
  });

  it('lets a session lapse after 90 days', async () => {
    const cookie = await sim.signIn();
    sim.state.clock.advance(SESSION_LIFETIME_MS - 60_000);
    expect((await sim.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
    sim.state.clock.advance(120_000);
    expect((await sim.call('GET', '/api/v1/me', { cookie })).status).toBe(403);
  });
});
