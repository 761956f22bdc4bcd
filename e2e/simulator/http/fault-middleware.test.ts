import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSim } from '../test-support/test-sim';

describe('fault injection', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start();
  });
  afterEach(() => sim.close());

  const get = (path = '/api/v1/crates?user_id=1') => fetch(`${sim.sim.url}${path}`);

  it('answers 500 and 503 in the error envelope', async () => {
    sim.state.faults.add({ kind: 'http-500', times: 1 });
    sim.state.faults.add({ kind: 'http-503', message: 'Down for maintenance', times: 1 });
    const first = await get();
    expect([first.status, await first.json()]).toEqual([
      500,
      { errors: [{ detail: 'Internal Server Error' }] },
    ]);
    const second = await get();
    expect([second.status, await second.json()]).toEqual([
      503,
      { errors: [{ detail: 'Down for maintenance' }] },
    ]);
    expect((await get()).status).toBe(200);
  });

  it('answers 429 with Retry-After', async () => {
    sim.state.faults.add({ kind: 'http-429', retry_after_seconds: 7 });
    const result = await get();
    expect(result.status).toBe(429);
    expect(result.headers.get('Retry-After')).toBe('7');
  });

  it('resets the connection', async () => {
    sim.state.faults.add({ kind: 'reset', times: 1 });
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(200);
  });

  it('truncates the JSON body', async () => {
    sim.state.faults.add({ kind: 'truncated-json' });
    const result = await get();
    expect(result.status).toBe(200);
    await expect(result.json()).rejects.toThrow(SyntaxError);
  });

  it('sends the body slowly', async () => {
    sim.state.faults.add({ kind: 'slow-body', delay_ms: 300 });
    const started = Date.now();
    const result = await get();
    const headersAt = Date.now();
    await result.json();
    const bodyAt = Date.now();
    // Relative to the headers, not to the request: a busy machine may delay
    // the headers, but the body's ten pauses still come after them, one by one.
    expect(bodyAt - headersAt).toBeGreaterThanOrEqual(150);
    expect(bodyAt - started).toBeGreaterThanOrEqual(280);
  });

  it('matches by route and method', async () => {
    sim.state.faults.add({ kind: 'http-500', route: '/api/v1/me/*', method: 'PUT' });
    expect((await get('/api/v1/me/tokens')).status).toBe(403);
    const put = await fetch(`${sim.sim.url}/api/v1/me/tokens`, { method: 'PUT' });
    expect(put.status).toBe(500);
  });

  it('hits a deterministic share of requests by rate', async () => {
    const run = async () => {
      sim.state.faults.clear();
      sim.state.faults.add({ kind: 'http-500', rate: 0.5 });
      const statuses: number[] = [];
      for (let n = 0; n < 20; n += 1) statuses.push((await get()).status);
      return statuses;
    };
    const first = await run();
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(3);
    expect(await run()).toEqual(first);
  });

  it('delays every answer by the latency', async () => {
    sim.state.latencyMs = 150;
    const started = Date.now();
    await get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });
});
