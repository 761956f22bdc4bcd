import { afterEach, describe, expect, it } from 'vitest';
import { MINIMAL_LEGACY_TOKEN } from '../../test-support/seeds';
import { TestSim } from '../../test-support/test-sim';
import { request } from 'node:http';
import { isLoopbackAddress, isOwnLoopbackHost } from './guard';

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['fe80::1', false],
    [undefined, false],
  ])('%s -> %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('isOwnLoopbackHost', () => {
  it.each([
    ['127.0.0.1:8888', true],
    ['localhost:8888', true],
    ['[::1]:8888', true],
    ['127.0.0.1:9999', false],
    ['attacker.example:8888', false],
    ['127.0.0.1.nip.io:8888', false],
    ['127.0.0.1', false],
    [undefined, false],
  ])('%s on port 8888 -> %s', (host, expected) => {
    expect(isOwnLoopbackHost(host, 8888)).toBe(expected);
  });
});

/** A raw request with the Host header a rebinding page would send (fetch may not set Host). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers: { host } }, (answer) => {
      answer.resume();
      resolve(answer.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('control endpoint', () => {
  let sim: TestSim | undefined;
  afterEach(async () => {
    await sim?.close();
  });

  const start = async (control = true) => {
    sim = await TestSim.start({ control });
    return sim;
  };

  it('is absent when control is off', async () => {
    const off = await start(false);
    expect((await off.call('GET', '/__control')).status).toBe(404);
    expect((await off.call('POST', '/__control/reset')).status).toBe(404);
  });

  it('refuses a request addressed to another name (DNS rebinding)', async () => {
    const on = await start();
    const url = `${on.sim.url}/__control`;
    expect(await getWithHost(url, `attacker.example:${new URL(url).port}`)).toBe(403);
    expect(await getWithHost(url, new URL(url).host)).toBe(200);
  });

  it('describes itself', async () => {
    const on = await start();
    const result = await on.call('GET', '/__control');
    expect(result.json).toMatchObject({ latency_ms: 0, users: [{ id: 1, login: 'alice' }] });
  });

  it('sets, advances, freezes and resets the clock', async () => {
    const on = await start();
    const set = await on.call('PUT', '/__control/clock', {
      json: { now: '2030-01-01T00:00:00Z', advance_days: 2, frozen: true },
    });
    expect(set.json).toMatchObject({ now: '2030-01-03T00:00:00.000Z', frozen: true });
    expect(on.state.clock.now().toISOString()).toBe('2030-01-03T00:00:00.000Z');
    await on.call('DELETE', '/__control/clock');
    expect(Math.abs(on.state.clock.now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('adds, lists, removes and clears faults', async () => {
    const on = await start();
    const added = await on.call('POST', '/__control/faults', {
      json: { kind: 'http-503', route: '/api/v1/me*', times: 1 },
    });
    expect(added.status).toBe(201);
    const id = (added.json as { fault: { id: number } }).fault.id;
    expect((await on.call('GET', '/api/v1/me')).status).toBe(503);
    expect((await on.call('GET', '/__control/faults')).json).toMatchObject({
      faults: [{ id, hits: 1 }],
    });
    expect((await on.call('DELETE', `/__control/faults/${id}`)).status).toBe(200);
    expect((await on.call('DELETE', `/__control/faults/${id}`)).status).toBe(404);
    await on.call('POST', '/__control/faults', { json: { kind: 'http-500' } });
    // Faults never hit the control endpoint itself.
    expect((await on.call('DELETE', '/__control/faults')).status).toBe(200);
    expect(on.state.faults.list()).toEqual([]);
    const invalid = await on.call('POST', '/__control/faults', { json: { kind: 'meteor' } });
    expect(invalid.status).toBe(422);
  });

  it('sets latency and switches token creation', async () => {
    const on = await start();
    await on.call('PUT', '/__control/latency', { json: { ms: 25 } });
    expect(on.state.latencyMs).toBe(25);
    await on.call('PUT', '/__control/token-creation', {
      json: { enabled: false, message: 'Paused.' },
    });
    const cookie = await on.signIn();
    const refused = await on.call('PUT', '/api/v1/me/tokens', {
      cookie,
      json: { api_token: { name: 'x' } },
    });
    expect([refused.status, refused.json]).toEqual([503, { errors: [{ detail: 'Paused.' }] }]);
  });

  it('makes the simulated GitHub API fail, until reset', async () => {
    const on = await start();
    expect((await on.call('PUT', '/__control/github', { json: { failure: 'down' } })).json).toEqual(
      { failure: 'down' },
    );
    expect((await on.call('GET', '/__control')).json).toMatchObject({ github_api_failure: 'down' });
    expect((await on.call('PUT', '/__control/github', { json: { failure: 'x' } })).status).toBe(
      422,
    );
    await on.call('POST', '/__control/reset');
    expect(on.state.githubApiFailure).toBeNull();
  });

  it('reads the request log and the create bodies', async () => {
    const on = await start();
    await on.call('GET', '/api/v1/me/tokens/1', { token: MINIMAL_LEGACY_TOKEN });
    const cookie = await on.signIn();
    await on.call('PUT', '/api/v1/me/tokens', { cookie, json: { api_token: { name: 'logged' } } });
    const log = await on.call('GET', '/__control/requests');
    expect(log.json).toMatchObject({
      requests: [
        { endpoint: '/api/v1/me/tokens/:id', credential: 'token', tokenId: 1, outcome: 'allowed' },
        { endpoint: '/api/v1/me/tokens', credential: 'cookie', outcome: 'allowed' },
      ],
    });
    const since = await on.call('GET', '/__control/requests?since=1');
    expect((since.json as { requests: unknown[] }).requests).toHaveLength(1);
    const bodies = await on.call('GET', '/__control/token-create-bodies');
    expect(bodies.json).toMatchObject({ bodies: [{ raw: '{"api_token":{"name":"logged"}}' }] });
    await on.call('DELETE', '/__control/requests');
    expect(on.state.requestLog.entries).toEqual([]);
  });

  it('resets to the seed, or to another seed', async () => {
    const on = await start();
    on.state.latencyMs = 100;
    on.state.faults.add({ kind: 'http-500', route: '/nothing' });
    const cookie = await on.signIn();
    await on.call('PUT', '/api/v1/me/tokens', { cookie, json: { api_token: { name: 'extra' } } });
    expect(on.state.tokens).toHaveLength(2);
    expect((await on.call('POST', '/__control/reset')).json).toMatchObject({ tokens: 1 });
    expect([on.state.latencyMs, on.state.faults.list().length]).toEqual([0, 0]);
    const demo = await on.call('POST', '/__control/reset', { json: { seed: 'demo' } });
    expect(demo.json).toMatchObject({ users: 2 });
    const bad = await on.call('POST', '/__control/reset', { json: { seed: '/no/such/seed.json' } });
    expect(bad.status).toBe(400);
  });
});
