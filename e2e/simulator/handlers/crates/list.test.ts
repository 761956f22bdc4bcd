import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSim } from '../../test-support/test-sim';

interface CrateList {
  crates: { name: string }[];
  meta: { total: number; next_page: string | null; prev_page: string | null };
}

describe('GET /api/v1/crates?user_id=ID', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: 'demo' });
  });
  afterEach(() => sim.close());

  const list = async (query: string) => {
    const result = await sim.call('GET', `/api/v1/crates?${query}`);
    expect(result.status).toBe(200);
    return result.json as CrateList;
  };

  it("pages through a user's crates alphabetically with meta.total", async () => {
    const ferris = sim.state.userByLogin('ferris')?.id ?? -1;
    const owned = sim.state.db.cratesOwnedBy(ferris).map((krate) => krate.name);
    const first = await list(`user_id=${ferris}&per_page=10`);
    expect(first.meta.total).toBe(owned.length);
    expect(first.crates.map((krate) => krate.name)).toEqual(owned.slice(0, 10));
    expect(first.meta.prev_page).toBeNull();
    expect(first.meta.next_page).toBe(`?user_id=${ferris}&per_page=10&page=2`);
    const last = await list(`user_id=${ferris}&per_page=10&page=3`);
    expect(last.crates.map((krate) => krate.name)).toEqual(owned.slice(20, 30));
    expect(last.meta.next_page).toBeNull();
  });

  it('defaults to 10 per page and refuses more than 100 or page 0', async () => {
    expect((await list('user_id=1')).crates).toHaveLength(10);
    expect((await sim.call('GET', '/api/v1/crates?user_id=1&per_page=101')).status).toBe(400);
    expect((await sim.call('GET', '/api/v1/crates?user_id=1&page=0')).status).toBe(400);
  });

  it('answers an empty page for a user without crates', async () => {
    const result = await list('user_id=999');
    expect(result).toMatchObject({ crates: [], meta: { total: 0 } });
  });
});
