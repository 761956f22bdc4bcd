import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { dispatchCall } from '../../electron/core/dispatch';
import { APP_NOT_RUNNING_MESSAGE } from '../../electron/core/provider/wire';
import { MemoryMetadataStore } from '../../electron/core/store/memory-metadata-store';
import { MemoryClipboard } from '../../electron/core/test-support/memory-clipboard';
import { memoryKeychain } from '../../electron/core/test-support/memory-keychain';
import type { ProviderStatus } from '../../shared/domain/cargo-provider';
import type { EndpointScope } from '../../shared/domain/scopes';
import type { TokenView } from '../../shared/domain/token';
import type { CallInput, CallName } from '../../shared/ipc/contract';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { signInOverHttp } from '../simulator/sign-in-client';
import {
  cargoMissingReason,
  makeCrate,
  removeTempDirs,
  runCargo,
} from '../simulator/test-support/cargo';
import { scopesSeed, token } from '../simulator/test-support/seeds';

/**
 * Issue 11's acceptance with real cargo: the core as the app runs it (its
 * provider socket listening), "Connect cargo" (the call the Settings button
 * makes) writing a temporary CARGO_HOME's config.toml to run this checkout's
 * launcher, and cargo publishing to the simulator, whose request log names
 * the token each request carried.
 */
const missing = cargoMissingReason();
/** Not held by the app: only cargo's own provider knows it (from the environment). */
const OUTSIDE_TOKEN = token('AliceOutsideTheApp');

let sim: RunningSimulator;
let core: Core;
let root: string;
let cargoHome: string;

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<unknown> {
  const answer = await dispatchCall(core.handlers, name, input, { error: () => undefined });
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

/** Runs real cargo in the temporary CARGO_HOME, with no outer registry settings, plus `env`. */
function cargo(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  return runCargo(args, cwd, cargoHome, env);
}

const PUBLISH = ['publish', '--registry', 'my-sim', '--no-verify', '--allow-dirty'];

async function createToken(
  accountId: string,
  name: string,
  endpointScopes: EndpointScope[],
  cratePatterns: string[],
): Promise<number | null> {
  const { token: created } = (await call('tokens:create', {
    accountId,
    name,
    endpointScopes,
    cratePatterns,
    expiresAt: null,
  })) as { token: TokenView };
  return created.tokenId;
}

/** The token ids the simulator saw at an endpoint, oldest first. */
function tokenIdsAt(endpoint: string): (number | null)[] {
  return sim.state.requestLog.entries
    .filter((entry) => entry.endpoint === endpoint && entry.outcome === 'allowed')
    .map((entry) => entry.tokenId);
}

async function makeWorkspace(names: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(root, 'workspace '));
  await writeFile(
    join(dir, 'Cargo.toml'),
    `[workspace]\nresolver = "2"\nmembers = ${JSON.stringify(names)}\n`,
  );
  for (const name of names) {
    await mkdir(join(dir, name, 'src'), { recursive: true });
    await writeFile(
      join(dir, name, 'Cargo.toml'),
      `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\ndescription = "workspace member"\nlicense = "MIT"\n`,
    );
    await writeFile(join(dir, name, 'src', 'lib.rs'), 'pub fn answer() -> u32 { 42 }\n');
  }
  return dir;
}

beforeAll(async () => {
  if (missing !== null) return;
  sim = await startSimulator({
    port: 0,
    seed: scopesSeed({
      crates: [],
      tokens: [{ user: 'alice', name: 'outside', token: OUTSIDE_TOKEN }],
    }),
  });
  root = await mkdtemp(join(tmpdir(), 'ck provider e2e '));
  cargoHome = join(root, 'cargo home');
  await mkdir(cargoHome);
  await writeFile(
    join(cargoHome, 'config.toml'),
    `[registries.my-sim]\nindex = "${sim.indexUrl}"\n`,
  );
  core = await createCore({
    fetch: (input, init) => fetch(input, init),
    clock: { now: () => new Date() },
    signInWindow: { signIn: (baseUrl) => signInOverHttp(baseUrl, 'alice') },
    events: { emit: () => undefined },
    dataDir: join(root, 'app data'),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    cargo: { env: { CARGO_HOME: cargoHome }, homeDir: cargoHome },
  });
  await core.provider.start();
});

afterAll(async () => {
  if (missing !== null) return;
  await core.provider.stop();
  await sim.close();
  await removeTempDirs();
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(missing !== null || process.platform === 'win32')(
  `real cargo asks Cratekeeper for each operation${missing ? ` (${missing})` : ''}`,
  () => {
    it('hands cargo the least-privileged token per operation and crate', async () => {
      const account = await core.signIn({ name: 'sim', baseUrl: sim.url });
      const status = (await call('provider:connect', {})) as ProviderStatus;
      expect(status).toMatchObject({ connected: true, listening: true, problem: null });
      expect(await readFile(join(cargoHome, 'config.toml'), 'utf8')).toContain(
        'global-credential-providers',
      );

      const publishNew = await createToken(account.id, 'new one', ['publish-new'], ['ck-e2e-one']);
      const publishUpdate = await createToken(
        account.id,
        'update one',
        ['publish-update'],
        ['ck-e2e-one'],
      );
      const yank = await createToken(account.id, 'yank all', ['yank'], []);
      const owners = await createToken(account.id, 'owners all', ['change-owners'], []);
      const newA = await createToken(account.id, 'new a', ['publish-new'], ['ck-e2e-ws-a']);
      const newB = await createToken(account.id, 'new b', ['publish-new'], ['ck-e2e-ws-b']);

      const ids = [publishNew, publishUpdate, yank, owners, newA, newB];
      expect(new Set(ids.filter((id) => id !== null)).size).toBe(ids.length);

      const first = await makeCrate('ck-e2e-one');
      const published = await cargo(PUBLISH, first);
      expect(published.stderr).toContain('Published ck-e2e-one v0.1.0');
      expect(tokenIdsAt('/api/v1/crates/new').at(-1)).toBe(publishNew);

      const second = await makeCrate('ck-e2e-one', '0.2.0');
      expect((await cargo(PUBLISH, second)).stderr).toContain('Published ck-e2e-one v0.2.0');
      expect(tokenIdsAt('/api/v1/crates/new').at(-1)).toBe(publishUpdate);

      const yanked = await cargo(['yank', '--registry', 'my-sim', 'ck-e2e-one@0.1.0'], first);
      expect(yanked.code).toBe(0);
      expect(tokenIdsAt('/api/v1/crates/:name/:version/yank').at(-1)).toBe(yank);

      const owned = await cargo(
        ['owner', '--registry', 'my-sim', '--add', 'bob', 'ck-e2e-one'],
        first,
      );
      expect(owned.code).toBe(0);
      expect(tokenIdsAt('/api/v1/crates/:name/owners').at(-1)).toBe(owners);

      const workspace = await makeWorkspace(['ck-e2e-ws-a', 'ck-e2e-ws-b']);
      const both = await cargo([...PUBLISH, '--workspace'], workspace);
      expect(both.code).toBe(0);
      expect(tokenIdsAt('/api/v1/crates/new').slice(-2).sort()).toEqual([newA, newB].sort());
    }, 300_000);

    it('refuses with its message when no token fits, and falls through to cargo:token when told to', async () => {
      const refused = await cargo(PUBLISH, await makeCrate('zz-unfitting'), {
        CARGO_REGISTRIES_MY_SIM_TOKEN: OUTSIDE_TOKEN,
      });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/Cratekeeper has no token that may publish-new zz-unfitting/);

      await call('provider:set-policy', {
        registryName: 'my-sim',
        policy: { whenNoToken: 'fall-through' },
      });
      const fellThrough = await cargo(PUBLISH, await makeCrate('zz-fall-through'), {
        CARGO_REGISTRIES_MY_SIM_TOKEN: OUTSIDE_TOKEN,
      });
      expect(fellThrough.stderr).toContain('Published zz-fall-through v0.1.0');
      expect(tokenIdsAt('/api/v1/crates/new').at(-1)).toBe(
        sim.state.tokenByPlaintext(OUTSIDE_TOKEN)?.id,
      );
    }, 180_000);

    it('fails with a clear message when the user denies, and when the app is not running', async () => {
      await call('provider:set-policy', {
        registryName: 'my-sim',
        policy: { askBeforePublish: true },
      });
      const crate = await makeCrate('ck-e2e-one', '0.2.0');
      const asking = cargo(['yank', '--registry', 'my-sim', 'ck-e2e-one@0.2.0'], crate);
      let id: string | undefined;
      for (let tries = 0; id === undefined && tries < 300; tries += 1) {
        const { requests } = (await call('provider:pending-approvals', {})) as {
          requests: { id: string }[];
        };
        id = requests[0]?.id;
        if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(id).toBeDefined();
      await call('provider:approve', { id: id ?? '', allow: false });
      const denied = await asking;
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain('You denied');

      await core.provider.stop();
      const stopped = await cargo(['yank', '--registry', 'my-sim', 'ck-e2e-one@0.2.0'], crate);
      expect(stopped.code).not.toBe(0);
      expect(stopped.stderr).toContain(APP_NOT_RUNNING_MESSAGE);
    }, 180_000);
  },
);
