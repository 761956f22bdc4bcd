import { createServer, type Server } from 'node:http';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cargoMissingReason, runCargo } from '../../../e2e/simulator/test-support/cargo';
import { CargoProviderConfig } from './provider-config';

/**
 * Real cargo reads what Connect cargo writes: with CARGO_HOME in a temp dir
 * (never the real one) and a fake provider at a path with spaces, `cargo
 * yank` runs our alias (the data folder arriving in `args`) and shows the
 * provider's error; for a registry with its own provider, cargo asks ours
 * while connected and the user's again after Disconnect. The registry is a
 * loopback server answering config.json.
 */

/** A provider script that records cargo's request (when `requestFile` is given) and refuses with `message`. */
async function fakeProvider(
  executable: string,
  message: string,
  requestFile: string | null,
): Promise<void> {
  await writeFile(
    executable,
    [
      '#!/bin/sh',
      `printf '{"v":[1]}\\n'`,
      'read -r line',
      requestFile === null ? '' : `printf '%s' "$line" > '${requestFile}'`,
      `printf '{"Err":{"kind":"other","message":"${message}"}}\\n'`,
      '',
    ].join('\n'),
  );
  await chmod(executable, 0o755);
}

const missing = cargoMissingReason();
const dirs: string[] = [];
const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(
    servers.map(
      (running) =>
        new Promise((resolve) => {
          running.close(resolve);
        }),
    ),
  );
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function loopbackRegistry(): Promise<string> {
  const running = createServer((request, response) => {
    const port = (running.address() as { port: number }).port;
    if (request.url === '/index/config.json') {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({ dl: `http://127.0.0.1:${port}/dl`, api: `http://127.0.0.1:${port}` }),
      );
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  servers.push(running);
  await new Promise<void>((resolve) => running.listen(0, '127.0.0.1', resolve));
  return `sparse+http://127.0.0.1:${(running.address() as { port: number }).port}/index/`;
}

describe.skipIf(missing !== null || process.platform === 'win32')(
  'real cargo and Connect cargo',
  () => {
    it('runs our alias for a registry operation and shows what the provider answered', async () => {
      const root = await mkdtemp(join(tmpdir(), 'provider config cargo '));
      dirs.push(root);
      const cargoHome = join(root, 'cargo home');
      const dataDir = join(root, 'app data');
      const providerDir = join(root, 'fake provider');
      await Promise.all([mkdir(cargoHome), mkdir(dataDir), mkdir(providerDir)]);
      const requestFile = join(dataDir, 'request.json');
      const executable = join(providerDir, 'provider.sh');
      await fakeProvider(executable, 'fake provider was asked', requestFile);
      const index = await loopbackRegistry();
      await writeFile(join(cargoHome, 'config.toml'), `[registries.sim]\nindex = "${index}"\n`);

      const config = new CargoProviderConfig({
        cargoHome: () => Promise.resolve(cargoHome),
        command: { executable, dataDir },
      });
      expect(await config.connect()).toMatchObject({ connected: true, problem: null });

      const run = await runCargo(
        ['yank', '--registry', 'sim', '--version', '0.1.0', 'somecrate'],
        root,
        cargoHome,
      );
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('fake provider was asked');
      const request = JSON.parse(await readFile(requestFile, 'utf8')) as Record<string, unknown>;
      expect(request).toMatchObject({ kind: 'get', operation: 'yank', name: 'somecrate' });
      expect(request.args).toEqual(['--data-dir', dataDir]);

      // Disconnected, cargo no longer asks it: the default provider finds no token.
      await rm(requestFile);
      await config.disconnect();
      const after = await runCargo(
        ['yank', '--registry', 'sim', '--version', '0.1.0', 'somecrate'],
        root,
        cargoHome,
      );
      expect(after.stderr).not.toContain('fake provider was asked');
      expect(after.stderr).toMatch(/no token found/i);
      expect(await readFile(join(cargoHome, 'config.toml'), 'utf8')).toBe(
        `[registries.sim]\nindex = "${index}"\n`,
      );
    }, 120_000);

    it("asks ours in place of a registry's own provider, and the user's again after Disconnect", async () => {
      const root = await mkdtemp(join(tmpdir(), 'provider config cargo '));
      dirs.push(root);
      const cargoHome = join(root, 'cargo home');
      const dataDir = join(root, 'app data');
      const providerDir = join(root, 'fake provider');
      await Promise.all([mkdir(cargoHome), mkdir(dataDir), mkdir(providerDir)]);
      const requestFile = join(dataDir, 'request.json');
      const ours = join(providerDir, 'ours.sh');
      const theirs = join(providerDir, 'their own.sh');
      await fakeProvider(ours, 'Cratekeeper was asked', requestFile);
      await fakeProvider(theirs, 'the user provider was asked', null);
      const index = await loopbackRegistry();
      const original = [
        '[registries.own]',
        `index = "${index}"`,
        `credential-provider = ["${theirs}"] # the user's own`,
        '',
      ].join('\n');
      await writeFile(join(cargoHome, 'config.toml'), original);
      const yank = (): ReturnType<typeof runCargo> =>
        runCargo(['yank', '--registry', 'own', '--version', '0.1.0', 'somecrate'], root, cargoHome);

      const before = await yank();
      expect(before.stderr).toContain('the user provider was asked');

      const config = new CargoProviderConfig({
        cargoHome: () => Promise.resolve(cargoHome),
        command: { executable: ours, dataDir },
      });
      expect(await config.connect()).toMatchObject({
        connected: true,
        problem: null,
        shadowedBy: { own: theirs },
      });
      const connected = await yank();
      expect(connected.code).not.toBe(0);
      expect(connected.stderr).toContain('Cratekeeper was asked');
      expect(connected.stderr).not.toContain('the user provider was asked');
      const request = JSON.parse(await readFile(requestFile, 'utf8')) as Record<string, unknown>;
      expect(request).toMatchObject({ kind: 'get', operation: 'yank', name: 'somecrate' });
      expect(request.args).toEqual(['--data-dir', dataDir]);

      await config.disconnect();
      expect(await readFile(join(cargoHome, 'config.toml'), 'utf8')).toBe(original);
      const after = await yank();
      expect(after.stderr).toContain('the user provider was asked');
      expect(after.stderr).not.toContain('Cratekeeper was asked');
    }, 120_000);
  },
);
