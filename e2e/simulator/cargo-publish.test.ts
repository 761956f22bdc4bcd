import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cargoMissingReason,
  makeCargoHome,
  makeCrate,
  removeTempDirs,
  runCargo,
} from './test-support/cargo';
import { scopesSeed, token } from './test-support/seeds';
import { TestSim } from './test-support/test-sim';

const missing = cargoMissingReason();
const RIGHT = token('CargoPublishNew');
const LACKING = token('CargoPublishUpdateOnly');
const LEGACY = token('CargoLegacy');
const PUBLISH = ['publish', '--registry', 'sim', '--no-verify', '--allow-dirty'];

describe.skipIf(missing !== null)(
  `real cargo against the simulator${missing ? ` (${missing})` : ''}`,
  () => {
    let sim: TestSim;

    beforeAll(async () => {
      sim = await TestSim.start({
        seed: scopesSeed({
          tokens: [
            {
              user: 'alice',
              name: 'publish new sim-demo',
              token: RIGHT,
              endpoint_scopes: ['publish-new'],
              crate_scopes: ['sim-demo*'],
            },
            {
              user: 'alice',
              name: 'publish update only',
              token: LACKING,
              endpoint_scopes: ['publish-update'],
              crate_scopes: ['sim-demo*'],
            },
            { user: 'alice', name: 'legacy', token: LEGACY },
          ],
        }),
      });
    });
    afterAll(async () => {
      await sim.close();
      await removeTempDirs();
    });

    it('refuses a token without publish-new, with crates.io words cargo shows', async () => {
      const crate = await makeCrate('sim-demo-refused');
      const home = await makeCargoHome(sim.sim.indexUrl, LACKING);
      const run = await runCargo(PUBLISH, crate, home);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(
        'the remote server responded with an error (status 403 Forbidden): this token does not have the required permissions to perform this action',
      );
      expect(sim.state.db.crateByName('sim-demo-refused')).toBeUndefined();
      const last = sim.state.requestLog.entries.at(-1);
      expect(last).toMatchObject({
        endpoint: '/api/v1/crates/new',
        outcome: 'refused',
        status: 403,
      });
      expect(last?.cause).toBe('Endpoint scope mismatch');
    });

    it('accepts a publish-new token that matches the crate, and the index shows it at once', async () => {
      const crate = await makeCrate('sim-demo-accepted');
      const home = await makeCargoHome(sim.sim.indexUrl, RIGHT);
      const started = Date.now();
      const run = await runCargo(PUBLISH, crate, home);
      expect(run.stderr).toContain('Published sim-demo-accepted v0.1.0');
      expect(run.code).toBe(0);
      // cargo polls the index after uploading; an index that lags would cost a second per poll.
      expect(Date.now() - started).toBeLessThan(20_000);
      const published = sim.state.db.crateByName('sim-demo-accepted');
      expect(published?.versions.map((version) => version.num)).toEqual(['0.1.0']);
      expect(published?.ownerIds).toEqual([sim.state.userByLogin('alice')?.id]);
      const index = await sim.call('GET', '/index/si/m-/sim-demo-accepted');
      expect(JSON.parse(index.text)).toMatchObject({ name: 'sim-demo-accepted', vers: '0.1.0' });
    });

    it('shows crates.io’s words for a trustpub_only crate, refused with status 200', async () => {
      const krate = sim.state.db.crateByName('alpha-core');
      if (!krate) throw new Error('the seed has alpha-core');
      krate.trustpubOnly = true;
      const crate = await makeCrate('alpha-core', '0.3.0');
      const home = await makeCargoHome(sim.sim.indexUrl, LEGACY);
      const run = await runCargo(PUBLISH, crate, home);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(
        'the remote server responded with an error: New versions of this crate can only be published using Trusted Publishing (see https://crates.io/docs/trusted-publishing).',
      );
      expect(krate.versions.map((version) => version.num)).toEqual(['0.1.0', '0.2.0']);
      expect(sim.state.requestLog.entries.at(-1)).toMatchObject({
        outcome: 'refused',
        status: 200,
      });
    });

    it('lets cargo download the published crate through the index dl URL', async () => {
      const consumer = await makeCrate('sim-consumer');
      await appendFile(
        path.join(consumer, 'Cargo.toml'),
        '\n[dependencies]\nsim-demo-accepted = { version = "0.1.0", registry = "sim" }\n',
      );
      const home = await makeCargoHome(sim.sim.indexUrl, RIGHT);
      const run = await runCargo(['fetch'], consumer, home);
      expect(run.stderr).toContain('Downloaded sim-demo-accepted v0.1.0');
      expect(run.code).toBe(0);
    });
  },
);
