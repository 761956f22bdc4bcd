import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexPathFor } from '../../models/index-entry';
import { TestSim } from '../../test-support/test-sim';

describe("indexPathFor (the cargo book's index layout)", () => {
  it.each([
    ['a', '1/a'],
    ['ab', '2/ab'],
    ['abc', '3/a/abc'],
    ['abcd', 'ab/cd/abcd'],
    ['Serde_JSON', 'se/rd/serde_json'],
  ])('%s -> %s', (name, expected) => {
    expect(indexPathFor(name)).toBe(expected);
  });
});

describe('sparse index', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({
      seed: {
        users: [{ login: 'alice' }],
        crates: [
          { name: 'a', owners: ['alice'] },
          { name: 'ab', owners: ['alice'] },
          { name: 'abc', owners: ['alice'] },
          {
            name: 'Quill_JSON',
            owners: ['alice'],
            versions: ['1.0.0', { num: '1.1.0', yanked: true }],
          },
        ],
      },
    });
  });
  afterEach(() => sim.close());

  it('serves config.json with dl and api', async () => {
    const result = await sim.call('GET', '/index/config.json');
    expect(result.json).toEqual({ dl: `${sim.sim.url}/api/v1/crates`, api: sim.sim.url });
    expect(sim.sim.indexUrl).toBe(`sparse+${sim.sim.url}/index/`);
  });

  it.each([['1/a'], ['2/ab'], ['3/a/abc']])('serves %s', async (path) => {
    expect((await sim.call('GET', `/index/${path}`)).status).toBe(200);
  });

  it('serves one JSON line per version under the lower-case path', async () => {
    const result = await sim.call('GET', '/index/qu/il/quill_json');
    const lines = result.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toMatchObject([
      { name: 'Quill_JSON', vers: '1.0.0', yanked: false, deps: [], features: {} },
      { name: 'Quill_JSON', vers: '1.1.0', yanked: true },
    ]);
    expect((lines[0] as { cksum: string }).cksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 404 for unknown crates and wrong prefixes', async () => {
    expect((await sim.call('GET', '/index/no/ne/nonexistent')).status).toBe(404);
    expect((await sim.call('GET', '/index/xx/yy/quill_json')).status).toBe(404);
  });
});
