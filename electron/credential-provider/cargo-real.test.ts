import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cargoMissingReason,
  makeCrate,
  removeTempDirs,
  runCargo,
} from '../../e2e/simulator/test-support/cargo';
import { scopesSeed, token } from '../../e2e/simulator/test-support/seeds';
import { startSimulator, type RunningSimulator } from '../../e2e/simulator/server';
import { ProviderServer } from '../core/provider/provider-server.js';
import {
  APP_NOT_RUNNING_MESSAGE,
  DATA_DIR_ARG,
  type CargoAnswer,
  type CargoRequest,
} from '../core/provider/wire.js';

/**
 * Real cargo runs the development launcher (through a symlink in a folder
 * with a space, the data folder with a space in `args`), which asks the app's
 * provider server. The server's choice here is a stand-in (one token per
 * operation) so this pins the executable and the wire with cargo 1.74+, not
 * the token choice; the simulator's request log shows which token cargo sent.
 */
const missing = cargoMissingReason();
const CHECKOUT = resolve(import.meta.dirname, '../..');
const TOKENS = {
  read: token('ProvRead'),
  publishNew: token('ProvPublishNew'),
  publishUpdate: token('ProvPublishUpdate'),
  yank: token('ProvYank'),
  owners: token('ProvOwners'),
};

let sim: RunningSimulator;
let server: ProviderServer;
let root: string;
let cargoHome: string;
const asked: CargoRequest[] = [];

function grant(secret: string): CargoAnswer {
  return { Ok: { kind: 'get', token: secret, cache: 'never', operation_independent: false } };
}

/** One token per operation; publish-new or -update by whether the crate exists. */
function respond(request: CargoRequest): Promise<CargoAnswer> {
  asked.push(request);
  const crateExists = request.name !== undefined && sim.state.db.crateByName(request.name);
  const secret = {
    read: TOKENS.read,
    publish: crateExists ? TOKENS.publishUpdate : TOKENS.publishNew,
    yank: TOKENS.yank,
    unyank: TOKENS.yank,
    owners: TOKENS.owners,
  }[request.operation ?? ''];
  return Promise.resolve(secret === undefined ? { Err: { kind: 'not-found' } } : grant(secret));
}

function tokenId(plaintext: string): number | undefined {
  return sim.state.tokenByPlaintext(plaintext)?.id;
}

function lastTokenIdAt(endpoint: string): number | null {
  const entries = sim.state.requestLog.entries.filter((entry) => entry.endpoint === endpoint);
  return entries.at(-1)?.tokenId ?? null;
}

beforeAll(async () => {
  if (missing !== null) return;
  sim = await startSimulator({
    port: 0,
    seed: scopesSeed({
      crates: [],
      tokens: [
        { user: 'alice', name: 'read', token: TOKENS.read, endpoint_scopes: ['yank'] },
        {
          user: 'alice',
          name: 'new',
          token: TOKENS.publishNew,
          endpoint_scopes: ['publish-new'],
          crate_scopes: ['ck-prov*'],
        },
        {
          user: 'alice',
          name: 'update',
          token: TOKENS.publishUpdate,
          endpoint_scopes: ['publish-update'],
          crate_scopes: ['ck-prov*'],
        },
        { user: 'alice', name: 'yank', token: TOKENS.yank, endpoint_scopes: ['yank'] },
        {
          user: 'alice',
          name: 'owners',
          token: TOKENS.owners,
          endpoint_scopes: ['change-owners'],
        },
      ],
    }),
  });
  root = await mkdtemp(join(tmpdir(), 'ck provider cargo '));
  const dataDir = join(root, 'app data');
  server = new ProviderServer({ dataDir, respond, log: { warn: () => undefined } });
  await server.start();

  const binDir = join(root, 'my tools');
  await mkdir(binDir);
  const launcher = join(binDir, 'cratekeeper-credential-provider');
  await symlink(join(CHECKOUT, 'bin', 'cratekeeper-credential-provider'), launcher);
  cargoHome = join(root, 'cargo home');
  await mkdir(cargoHome);
  await writeFile(
    join(cargoHome, 'config.toml'),
    [
      '[registries.my-sim]',
      `index = ${JSON.stringify(sim.indexUrl)}`,
      `credential-provider = ${JSON.stringify([launcher, DATA_DIR_ARG, dataDir])}`,
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  if (missing !== null) return;
  await server.stop();
  await sim.close();
  await removeTempDirs();
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(missing !== null || process.platform === 'win32')(
  `real cargo asks Cratekeeper's credential provider${missing ? ` (${missing})` : ''}`,
  () => {
    it('sends the token the app chose for each operation, and says when the app is not running', async () => {
      const crate = await makeCrate('ck-prov-demo');
      const publish = ['publish', '--registry', 'my-sim', '--no-verify', '--allow-dirty'];

      const first = await runCargo(publish, crate, cargoHome);
      expect(first.stderr).toContain('Published ck-prov-demo v0.1.0');
      expect(lastTokenIdAt('/api/v1/crates/new')).toBe(tokenId(TOKENS.publishNew));
      // cargo asks `read` first, then the real operation with the crate's name, version and checksum.
      expect(asked.map((request) => request.operation)).toEqual(['read', 'publish']);
      expect(asked[1]).toMatchObject({
        name: 'ck-prov-demo',
        vers: '0.1.0',
        cksum: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
        args: [DATA_DIR_ARG, join(root, 'app data')],
      });

      const next = await makeCrate('ck-prov-demo', '0.2.0');
      const second = await runCargo(publish, next, cargoHome);
      expect(second.stderr).toContain('Published ck-prov-demo v0.2.0');
      expect(lastTokenIdAt('/api/v1/crates/new')).toBe(tokenId(TOKENS.publishUpdate));

      const yank = ['yank', '--registry', 'my-sim', 'ck-prov-demo@0.1.0'];
      expect((await runCargo(yank, crate, cargoHome)).code).toBe(0);
      expect(lastTokenIdAt('/api/v1/crates/:name/:version/yank')).toBe(tokenId(TOKENS.yank));

      const owner = ['owner', '--registry', 'my-sim', '--add', 'bob', 'ck-prov-demo'];
      expect((await runCargo(owner, crate, cargoHome)).code).toBe(0);
      expect(lastTokenIdAt('/api/v1/crates/:name/owners')).toBe(tokenId(TOKENS.owners));

      await server.stop();
      const unyank = ['yank', '--undo', '--registry', 'my-sim', 'ck-prov-demo@0.1.0'];
      const stopped = await runCargo(unyank, crate, cargoHome);
      expect(stopped.code).not.toBe(0);
      expect(stopped.stderr).toContain(APP_NOT_RUNNING_MESSAGE);
    }, 240_000);
  },
);
