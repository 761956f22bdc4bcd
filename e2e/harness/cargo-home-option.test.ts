import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../electron/core/dispatch';
import type { CargoStatus } from '../../shared/domain/cargo-use';
import type { TokenView } from '../../shared/domain/token';
import { startHarness } from './harness';
import { HARNESS_BRIDGE_FILE } from './paths';
import type { RendererFiles } from './renderer-files';

/** A stand-in for the renderer build, so this test needs no `npm run build:renderer`. */
function fakeRendererFiles(): RendererFiles {
  const dir = mkdtempSync(join(tmpdir(), 'cratekeeper-cargo-option-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  mkdirSync(join(dir, 'assets'));
  const bridgePath = join(dir, HARNESS_BRIDGE_FILE);
  writeFileSync(bridgePath, '/* bridge */');
  return { dir, bridgePath };
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * `npm run preview -- --cargo-home DIR`: the harness's core uses DIR as
 * CARGO_HOME (the acceptance check writes config.toml there and runs real
 * cargo); without it, a folder inside the harness's data folder, never ~/.cargo.
 */
describe('the harness cargoHome option', () => {
  it('makes the core read and write DIR, registry named through config.json', async () => {
    const cargoHome = await mkdtemp(join(tmpdir(), 'ck-preview-cargo-'));
    dirs.push(cargoHome);
    const harness = await startHarness({ cargoHome, files: fakeRendererFiles() });
    try {
      await writeFile(
        join(cargoHome, 'config.toml'),
        `[registries.sim]\nindex = "${harness.simulator.indexUrl}"\n`,
      );
      await writeFile(join(cargoHome, 'credentials.toml'), '# lots of comments\n# here\n');
      const call = async <T>(name: Parameters<typeof dispatchCall>[1], input: unknown) => {
        const answer = await dispatchCall(harness.core.handlers, name, input, {
          error: () => undefined,
        });
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value as T;
      };
      const account = harness.account;
      if (!account) throw new Error('the harness signed nobody in');
      const { token } = await call<{ token: TokenView }>('tokens:create', {
        accountId: account.id,
        name: 'preview',
        endpointScopes: ['publish-update'],
        cratePatterns: [],
        expiresAt: null,
      });
      const status = await call<CargoStatus>('cargo:write', { key: token.key });
      expect(status).toMatchObject({
        cargoHome,
        credentialsFile: join(cargoHome, 'credentials.toml'),
        registries: [{ registry: 'sim', tokenKey: token.key, accountId: account.id }],
      });
      expect(await readFile(join(cargoHome, 'credentials.toml'), 'utf8')).toMatch(
        /^# lots of comments\n# here\n\n\[registries\.sim\]\ntoken = "cio[A-Za-z0-9]{32}"\n$/,
      );
    } finally {
      await harness.close();
    }
  });

  it('uses a folder in its data folder by default', async () => {
    const harness = await startHarness({ files: fakeRendererFiles() });
    try {
      expect(await harness.core.cargo.cargoHome()).toBe(join(harness.dataDir, 'cargo-home'));
    } finally {
      await harness.close();
    }
  });
});
