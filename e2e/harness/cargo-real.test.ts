import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { dispatchCall } from '../../electron/core/dispatch';
import { MemoryMetadataStore } from '../../electron/core/store/memory-metadata-store';
import { MemoryClipboard } from '../../electron/core/test-support/memory-clipboard';
import { memoryKeychain } from '../../electron/core/test-support/memory-keychain';
import type { CargoStatus, CargoWritePlan } from '../../shared/domain/cargo-use';
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

/**
 * Issue 10's acceptance with real cargo: the core (as the app runs it) writes
 * a token into a temporary CARGO_HOME (never the real one), and cargo then
 * sends exactly that token to the simulator (its request log names the
 * token's id) for publish and yank; after a rotation, the new one. The
 * registry's cargo name is found through config.json (`my-sim` here, not the
 * name the app gave the registry).
 */
const missing = cargoMissingReason();
const PUBLISH = ['publish', '--registry', 'my-sim', '--no-verify', '--allow-dirty'];

const COMMENTED = [
  '# My cargo credentials. Keep this comment!',
  '',
  '[registry]          # crates.io',
  'token = "cioAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"   # laptop',
  '',
  '# the local simulator lives below',
  '',
].join('\n');

let sim: RunningSimulator | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await sim?.close();
  sim = null;
});
afterAll(async () => {
  await removeTempDirs();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function setUp() {
  const simulator = await startSimulator({ port: 0, seed: 'demo' });
  sim = simulator;
  const cargoHome = await tempDir('ck-cargo-home-');
  await writeFile(
    join(cargoHome, 'config.toml'),
    `[registries.my-sim]\nindex = "${simulator.indexUrl}"\n`,
  );
  await writeFile(join(cargoHome, 'credentials.toml'), COMMENTED, { mode: 0o644 });
  const core: Core = await createCore({
    fetch: (input, init) => fetch(input, init),
    clock: { now: () => new Date() },
    signInWindow: { signIn: (baseUrl) => signInOverHttp(baseUrl) },
    events: { emit: () => undefined },
    dataDir: await tempDir('ck-cargo-data-'),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    // No login shell, no outer CARGO_* variables: only this temporary folder.
    cargo: { env: { CARGO_HOME: cargoHome }, homeDir: cargoHome },
  });
  const account = await core.signIn({ name: 'sim', baseUrl: simulator.url });
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<unknown> {
    const answer = await dispatchCall(core.handlers, name, input, { error: () => undefined });
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code}: ${answer.error.message}`);
    return answer.value;
  }
  return { simulator, cargoHome, core, account, call };
}

/** The token id the simulator saw on the last request to an endpoint. */
function lastTokenIdAt(simulator: RunningSimulator, endpoint: string): number | null {
  const entries = simulator.state.requestLog.entries.filter((entry) => entry.endpoint === endpoint);
  return entries.at(-1)?.tokenId ?? null;
}

describe.skipIf(missing !== null)(
  `real cargo reads what "Use with cargo" wrote${missing ? ` (${missing})` : ''}`,
  () => {
    it('publishes and yanks with the written token, and with the new one after Rotate', async () => {
      const { simulator, cargoHome, account, call } = await setUp();
      const { token } = (await call('tokens:create', {
        accountId: account.id,
        name: 'cargo hand-off',
        endpointScopes: ['publish-new', 'publish-update', 'yank'],
        cratePatterns: ['ck-handoff*'],
        expiresAt: null,
      })) as { token: TokenView };

      const plan = (await call('cargo:plan', { key: token.key })) as CargoWritePlan;
      expect(plan).toMatchObject({
        registry: 'my-sim',
        file: join(cargoHome, 'credentials.toml'),
        fileExists: true,
        fileIsRead: true,
        overrides: [],
      });
      const secret = (await call('tokens:reveal', { key: token.key })) as { secret: string };
      expect(JSON.stringify(plan)).not.toContain(secret.secret);
      expect(plan.change.filter((line) => line.kind === 'added').map((line) => line.text)).toEqual(
        // A blank line, then the new table: the secret masked.
        ['', '[registries.my-sim]', `token = "cio••••••••"`],
      );

      const status = (await call('cargo:write', { key: token.key })) as CargoStatus;
      expect(status.registries).toContainEqual(
        expect.objectContaining({ registry: 'my-sim', tokenKey: token.key, present: true }),
      );
      const written = await readFile(join(cargoHome, 'credentials.toml'), 'utf8');
      // Every byte the user had is still there, in front of the new table.
      expect(written.startsWith(COMMENTED)).toBe(true);
      expect((await stat(join(cargoHome, 'credentials.toml'))).mode & 0o777).toBe(0o600);

      const crate = await makeCrate('ck-handoff-demo');
      const published = await runCargo(PUBLISH, crate, cargoHome);
      expect(published.stderr).toContain('Published ck-handoff-demo v0.1.0');
      expect(lastTokenIdAt(simulator, '/api/v1/crates/new')).toBe(token.tokenId);
      const yanked = await runCargo(
        ['yank', '--registry', 'my-sim', 'ck-handoff-demo@0.1.0'],
        crate,
        cargoHome,
      );
      expect(yanked.code).toBe(0);
      expect(lastTokenIdAt(simulator, '/api/v1/crates/:name/:version/yank')).toBe(token.tokenId);

      const rotated = (await call('tokens:rotate', { key: token.key, expiresAt: null })) as {
        created: TokenView;
        revokedOld: boolean;
        message: string | null;
      };
      expect(rotated).toMatchObject({ revokedOld: true, message: null });
      const after = (await call('cargo:status', {})) as CargoStatus;
      expect(after.registries).toContainEqual(
        expect.objectContaining({ registry: 'my-sim', tokenKey: rotated.created.key }),
      );
      const unyanked = await runCargo(
        ['yank', '--undo', '--registry', 'my-sim', 'ck-handoff-demo@0.1.0'],
        crate,
        cargoHome,
      );
      expect(unyanked.code).toBe(0);
      expect(lastTokenIdAt(simulator, '/api/v1/crates/:name/:version/unyank')).toBe(
        rotated.created.tokenId,
      );
      const next = await makeCrate('ck-handoff-demo', '0.2.0');
      const republished = await runCargo(PUBLISH, next, cargoHome);
      expect(republished.stderr).toContain('Published ck-handoff-demo v0.2.0');
      expect(lastTokenIdAt(simulator, '/api/v1/crates/new')).toBe(rotated.created.tokenId);
      // The user's comments survived both writes.
      expect(
        (await readFile(join(cargoHome, 'credentials.toml'), 'utf8')).startsWith(COMMENTED),
      ).toBe(true);
    });

    it('reads a file written by cargo login the same as one written by Cratekeeper', async () => {
      const { simulator, cargoHome, account, call } = await setUp();
      const { token } = (await call('tokens:create', {
        accountId: account.id,
        name: 'login comparison',
        endpointScopes: ['publish-new'],
        cratePatterns: ['ck-login*'],
        expiresAt: null,
      })) as { token: TokenView };
      const { secret } = (await call('tokens:reveal', { key: token.key })) as { secret: string };
      await call('cargo:write', { key: token.key });

      const loginHome = await tempDir('ck-cargo-login-');
      await writeFile(
        join(loginHome, 'config.toml'),
        `[registries.my-sim]\nindex = "${simulator.indexUrl}"\n`,
      );
      const crate = await makeCrate('ck-login-a');
      const login = await runCargo(['login', '--registry', 'my-sim', secret], crate, loginHome);
      expect(login.code).toBe(0);

      const ours = parse(await readFile(join(cargoHome, 'credentials.toml'), 'utf8'));
      const theirs = parse(await readFile(join(loginHome, 'credentials.toml'), 'utf8'));
      expect(ours.registries).toEqual(theirs.registries);

      // And cargo sends the same token from either folder.
      await runCargo(PUBLISH, crate, loginHome);
      const fromLogin = lastTokenIdAt(simulator, '/api/v1/crates/new');
      const other = await makeCrate('ck-login-b');
      await runCargo(PUBLISH, other, cargoHome);
      expect(fromLogin).toBe(token.tokenId);
      expect(lastTokenIdAt(simulator, '/api/v1/crates/new')).toBe(token.tokenId);

      // And the status we show for cargo login's file matches the token too.
      await writeFile(
        join(cargoHome, 'credentials.toml'),
        await readFile(join(loginHome, 'credentials.toml')),
      );
      const status = (await call('cargo:status', {})) as CargoStatus;
      expect(status.registries).toContainEqual(
        expect.objectContaining({ registry: 'my-sim', tokenKey: token.key }),
      );
    });
  },
);

describe('the alert for a revoked token cargo still uses', () => {
  it('names it once the token is revoked through Cratekeeper', async () => {
    const { account, call } = await setUp();
    const { token } = (await call('tokens:create', {
      accountId: account.id,
      name: 'soon revoked',
      endpointScopes: ['publish-update'],
      cratePatterns: [],
      expiresAt: null,
    })) as { token: TokenView };
    // As from the list: it was fetched, the row's "Use with cargo" pressed, later "Revoke".
    await call('tokens:list', {});
    await call('cargo:write', { key: token.key });
    await call('tokens:revoke', { key: token.key });
    const status = (await call('cargo:status', {})) as CargoStatus;
    expect(status.registries).toEqual([
      expect.objectContaining({ registry: 'crates-io', alert: null }),
      {
        registry: 'my-sim',
        tokenKey: null,
        present: true,
        accountId: account.id,
        alert:
          'cargo uses "soon revoked" for my-sim, but it was revoked: cargo\'s publishes will fail. Write a current token with "Use with cargo".',
      },
    ]);
  });
});
