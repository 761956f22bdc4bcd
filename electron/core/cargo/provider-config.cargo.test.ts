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
 * provider's error. The registry is a loopback server answering config.json.
 */
const missing = cargoMissingReason();
const dirs: string[] = [];
let server: Server | null = null;

afterAll(async () => {
  const running = server;
  if (running) {
    await new Promise((resolve) => {
      running.close(resolve);
    });
  }
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
  server = running;
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
      await writeFile(
        executable,
        [
          '#!/bin/sh',
          `printf '{"v":[1]}\\n'`,
          'read -r line',
          `printf '%s' "$line" > '${requestFile}'`,
          `printf '{"Err":{"kind":"other","message":"fake provider was asked"}}\\n'`,
          '',
        ].join('\n'),
      );
      await chmod(executable, 0o755);
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
  },
);
