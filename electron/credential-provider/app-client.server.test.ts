import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProviderServer, WRONG_SECRET_MESSAGE } from '../core/provider/provider-server.js';
import {
  APP_NOT_RUNNING_MESSAGE,
  DATA_DIR_ARG,
  providerRunFile,
  type CargoAnswer,
  type CargoRequest,
} from '../core/provider/wire.js';
import { askRunningApp, type AppClientEnvironment } from './app-client.js';

/** The client against the app's real server (not the fake): both ends of the wire agree. */

const GRANTED: CargoAnswer = {
  Ok: { kind: 'get', token: 'cioSERVERTEST', cache: 'never', operation_independent: false },
};

let root: string;
let dataDir: string;
let server: ProviderServer;
const respond = vi.fn<(request: CargoRequest) => Promise<CargoAnswer>>();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ck server '));
  dataDir = join(root, 'app data');
  respond.mockReset().mockResolvedValue(GRANTED);
  server = new ProviderServer({ dataDir, respond, log: { warn: () => undefined } });
  await server.start();
});

afterEach(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

function environment(): AppClientEnvironment {
  return {
    env: {},
    platform: process.platform,
    homeDir: root,
    timeoutMs: 5_000,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    isProcessAlive: () => true,
  };
}

function yankRequest(): CargoRequest {
  return {
    v: 1,
    registry: { 'index-url': 'https://github.com/rust-lang/crates.io-index', name: 'crates-io' },
    kind: 'get',
    operation: 'yank',
    name: 'quill',
    vers: '1.0.0',
    args: [DATA_DIR_ARG, dataDir],
  };
}

describe('the provider client and the app’s provider server', () => {
  it('gets the answer the app chose for cargo’s request, as cargo sent it', async () => {
    expect(await askRunningApp(yankRequest(), environment())).toEqual(GRANTED);
    expect(respond.mock.calls[0]?.[0]).toEqual(yankRequest());
  });

  it('passes on the app’s refusal of a secret from another run', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const path = providerRunFile(dataDir);
    const runFile = JSON.parse(await readFile(path, 'utf8')) as { secret: string };
    await writeFile(path, JSON.stringify({ ...runFile, secret: '0'.repeat(64) }), { mode: 0o600 });

    expect(await askRunningApp(yankRequest(), environment())).toEqual({
      Err: { kind: 'other', message: WRONG_SECRET_MESSAGE },
    });
    expect(respond).not.toHaveBeenCalled();
  });

  it('says "Start Cratekeeper" once the app has stopped', async () => {
    await server.stop();
    expect(await askRunningApp(yankRequest(), environment())).toEqual({
      Err: { kind: 'other', message: APP_NOT_RUNNING_MESSAGE },
    });
  });
});
