import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detailOf, TestSim } from '../../test-support/test-sim';

interface CrateAnswer {
  crate: {
    name: string;
    trustpub_only: boolean;
    versions: number[];
    keywords: string[];
    categories: string[];
    max_version: string;
    links: { versions: string | null };
  };
  versions: { id: number; num: string; crate: string; published_by: { login: string } | null }[];
  keywords: unknown[];
  categories: unknown[];
}

describe('GET /api/v1/crates/{name}', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: 'demo' });
  });
  afterEach(() => sim.close());

  it('answers the crate publicly with its versions newest first (checked against openapi.json)', async () => {
    const result = await sim.call('GET', '/api/v1/crates/quill');
    expect(result.status).toBe(200);
    const answer = result.json as CrateAnswer;
    expect(answer.crate).toMatchObject({
      name: 'quill',
      trustpub_only: false,
      max_version: '1.2.0',
      keywords: [],
      categories: [],
      links: { versions: null },
    });
    expect(answer.versions.map((version) => version.num)).toEqual([
      '1.2.0',
      '1.1.0',
      '1.0.1',
      '1.0.0',
      '0.9.0',
    ]);
    expect(answer.crate.versions).toEqual(answer.versions.map((version) => version.id));
    expect(answer.versions[0]).toMatchObject({ crate: 'quill', published_by: { login: 'ferris' } });
    expect([answer.keywords, answer.categories]).toEqual([[], []]);
  });

  it('says trustpub_only as the crate has it', async () => {
    const result = await sim.call('GET', '/api/v1/crates/quill_json');
    expect((result.json as CrateAnswer).crate.trustpub_only).toBe(true);
    const listed = await sim.call('GET', '/api/v1/crates?user_id=1&per_page=100');
    const crates = (listed.json as { crates: { name: string; trustpub_only: boolean }[] }).crates;
    expect(crates.filter((krate) => krate.trustpub_only).map((krate) => krate.name)).toEqual([
      'quill_json',
    ]);
  });

  it('finds the crate ignoring case and -/_, and answers 404 for an unknown one', async () => {
    const result = await sim.call('GET', '/api/v1/crates/Quill-JSON');
    expect((result.json as CrateAnswer).crate.name).toBe('quill_json');
    const missing = await sim.call('GET', '/api/v1/crates/nope');
    expect([missing.status, detailOf(missing)]).toEqual([404, 'crate `nope` does not exist']);
  });
});
