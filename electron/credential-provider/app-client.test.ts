import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_NOT_RUNNING_MESSAGE, DATA_DIR_ARG, type CargoRequest } from '../core/provider/wire.js';
import { askRunningApp, type AppClientEnvironment } from './app-client.js';
import { startFakeApp, type FakeApp } from './test-support/fake-app.js';

const TOKEN = 'cioSECRETTOKENfortests';

let app: FakeApp;

beforeEach(async () => {
  app = await startFakeApp();
  await app.writeRunFile();
});

afterEach(async () => {
  await app.close();
});

function environment(overrides: Partial<AppClientEnvironment> = {}): AppClientEnvironment {
  return {
    env: {},
    platform: process.platform,
    homeDir: '/nonexistent-home',
    timeoutMs: 5_000,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    isProcessAlive: () => true,
    ...overrides,
  };
}

function publishRequest(dataDir: string): CargoRequest {
  return {
    v: 1,
    registry: { 'index-url': 'https://github.com/rust-lang/crates.io-index', name: 'crates-io' },
    kind: 'get',
    operation: 'publish',
    name: 'quill',
    vers: '1.0.0',
    args: [DATA_DIR_ARG, dataDir],
    'future-field': 'kept',
  };
}

async function messageOf(answer: Promise<unknown>): Promise<string> {
  const settled = (await answer) as { Err?: { kind: string; message?: string } };
  expect(settled.Err?.kind).toBe('other');
  return settled.Err?.message ?? '';
}

describe('asking the running app', () => {
  it('sends the run file’s secret with cargo’s request as cargo sent it, and returns the app’s answer', async () => {
    app.behaviour = {
      kind: 'answer',
      answer: () => ({
        Ok: { kind: 'get', token: TOKEN, cache: 'never', operation_independent: false },
      }),
    };
    const request = publishRequest(app.dataDir);

    const answer = await askRunningApp(request, environment());

    expect(answer).toEqual({
      Ok: { kind: 'get', token: TOKEN, cache: 'never', operation_independent: false },
    });
    expect(app.asks).toEqual([{ v: 1, secret: app.secret, request }]);
  });

  it('finds the data folder with --data-dir=DIR too', async () => {
    const request = { ...publishRequest(app.dataDir), args: [`${DATA_DIR_ARG}=${app.dataDir}`] };
    expect(await askRunningApp(request, environment())).toEqual({ Err: { kind: 'not-found' } });
  });

  it('says the app refused when it closes the connection on a wrong secret', async () => {
    await app.writeRunFile({ secret: 'f'.repeat(64) });
    const message = await messageOf(askRunningApp(publishRequest(app.dataDir), environment()));
    expect(message).toMatch(/^Cratekeeper refused the request without an answer\./);
    expect(app.asks).toEqual([]);
  });

  it('says "Start Cratekeeper" when there is no run file', async () => {
    const request = publishRequest(`${app.dataDir}-never-started`);
    expect(await messageOf(askRunningApp(request, environment()))).toBe(APP_NOT_RUNNING_MESSAGE);
  });

  it('says "Start Cratekeeper" when the run file names a process that is gone', async () => {
    const gone = environment({ isProcessAlive: () => false });
    expect(await messageOf(askRunningApp(publishRequest(app.dataDir), gone))).toBe(
      APP_NOT_RUNNING_MESSAGE,
    );
  });

  it('says "Start Cratekeeper" when nothing listens on the socket any more', async () => {
    await app.stop();
    expect(await messageOf(askRunningApp(publishRequest(app.dataDir), environment()))).toBe(
      APP_NOT_RUNNING_MESSAGE,
    );
  });

  it.runIf(process.platform !== 'win32').each([0o640, 0o604, 0o660, 0o644])(
    'refuses a run file with mode %o (others could read the secret)',
    async (mode) => {
      await app.writeRunFile({ mode });
      const message = await messageOf(askRunningApp(publishRequest(app.dataDir), environment()));
      expect(message).toContain('can be read by other users');
      expect(message).toContain(app.runFilePath);
      expect(app.asks).toEqual([]);
    },
  );

  it.runIf(process.platform !== 'win32')('refuses a run file another user wrote', async () => {
    const someoneElse = environment({ uid: 4242 });
    expect(await messageOf(askRunningApp(publishRequest(app.dataDir), someoneElse))).toContain(
      'belongs to another user',
    );
  });

  it('refuses a damaged run file', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(app.runFilePath, '{"v":1,"address":"x"}', { mode: 0o600 });
    expect(await messageOf(askRunningApp(publishRequest(app.dataDir), environment()))).toContain(
      'is damaged or from another version',
    );
  });

  it('gives up with a clear message when the app does not answer in time', async () => {
    app.behaviour = { kind: 'silent' };
    const impatient = environment({ timeoutMs: 150 });
    const message = await messageOf(askRunningApp(publishRequest(app.dataDir), impatient));
    expect(message).toMatch(/^Cratekeeper did not answer within \d+ seconds\./);
    expect(app.asks).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'garbage'],
    ['an unwrapped answer', JSON.stringify({ answer: { kind: 'get', token: TOKEN } })],
    ['extra fields', JSON.stringify({ answer: { Err: { kind: 'not-found' } }, token: TOKEN })],
  ])('refuses a reply it does not understand (%s) without passing it on', async (_, line) => {
    app.behaviour = { kind: 'raw', line };
    const message = await messageOf(askRunningApp(publishRequest(app.dataDir), environment()));
    expect(message).toContain('does not understand');
    expect(message).not.toContain(TOKEN);
  });

  it('refuses a reply over the line cap', async () => {
    app.behaviour = { kind: 'raw', line: 'x'.repeat(70 * 1024) };
    expect(await messageOf(askRunningApp(publishRequest(app.dataDir), environment()))).toContain(
      'longer than 64 KiB',
    );
  });
});
