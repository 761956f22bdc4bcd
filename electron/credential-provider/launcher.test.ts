import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARGO_PLUGIN_FLAG, DATA_DIR_ARG, type CargoAnswer } from '../core/provider/wire.js';
import { bundleProvider } from './build.js';
import { startFakeApp, type FakeApp } from './test-support/fake-app.js';

const CHECKOUT = resolve(import.meta.dirname, '../..');
const LAUNCHER = join(CHECKOUT, 'bin', 'cratekeeper-credential-provider');
const TOKEN = 'cioLAUNCHERTESTTOKEN';
const GRANTED: CargoAnswer = {
  Ok: { kind: 'get', token: TOKEN, cache: 'never', operation_independent: false },
};

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a provider as cargo does: one argument, hello, one request line, stdin left open until the answer. */
function runAsCargo(command: string, args: readonly string[], requestLine: string, cwd: string) {
  return new Promise<Run>((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!sent && stdout.includes('\n')) {
        sent = true;
        child.stdin.write(`${requestLine}\n`);
      }
      if (stdout.split('\n').length > 2) child.stdin.end();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolveRun({ code, stdout, stderr });
    });
  });
}

function publishLine(dataDir: string): string {
  return JSON.stringify({
    v: 1,
    registry: { 'index-url': 'https://github.com/rust-lang/crates.io-index', name: 'crates-io' },
    kind: 'get',
    operation: 'publish',
    name: 'quill',
    vers: '1.0.0',
    cksum: 'ab'.repeat(32),
    args: [DATA_DIR_ARG, dataDir],
  });
}

let app: FakeApp;
let scratch: string;

beforeAll(async () => {
  app = await startFakeApp({ dataDirPrefix: 'ck provider app ' });
  await app.writeRunFile();
  app.behaviour = { kind: 'answer', answer: () => GRANTED };
  scratch = await mkdtemp(join(tmpdir(), 'ck cargo home '));
});

afterAll(async () => {
  await app.close();
  await rm(scratch, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')(
  'the development launcher, run as cargo runs it',
  () => {
    it('answers from the app through a symlink in a folder with a space, data folder with a space', async () => {
      const linkDir = join(scratch, 'cargo bin');
      await mkdir(linkDir);
      const link = join(linkDir, 'cratekeeper-credential-provider');
      await symlink(LAUNCHER, link);

      const run = await runAsCargo(link, [CARGO_PLUGIN_FLAG], publishLine(app.dataDir), scratch);

      expect(run.stdout).toBe(`{"v":[1]}\n${JSON.stringify(GRANTED)}\n`);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain(TOKEN);
      expect(app.asks.at(-1)?.request.name).toBe('quill');
    });

    it('prints its usage to stderr and exits 2 without --cargo-plugin', async () => {
      const run = await runAsCargo(LAUNCHER, [], '', scratch);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`Usage: cratekeeper-credential-provider ${CARGO_PLUGIN_FLAG}`);
    });
  },
);

describe('the bundle (what the launcher and the single executable run)', () => {
  it('speaks the same protocol as the sources', async () => {
    const bundle = await bundleProvider(join(scratch, 'bundle', 'provider.cjs'));
    const run = await runAsCargo(
      process.execPath,
      [bundle, CARGO_PLUGIN_FLAG],
      publishLine(app.dataDir),
      scratch,
    );
    expect(run.stdout).toBe(`{"v":[1]}\n${JSON.stringify(GRANTED)}\n`);
    expect(run.code).toBe(0);
  });

  it('says "Start Cratekeeper" when the app is not running', async () => {
    const bundle = join(scratch, 'bundle', 'provider.cjs');
    const run = await runAsCargo(
      process.execPath,
      [bundle, CARGO_PLUGIN_FLAG],
      publishLine(join(scratch, 'no app here')),
      scratch,
    );
    const answer = JSON.parse(run.stdout.split('\n')[1] ?? '') as CargoAnswer;
    expect(answer).toEqual({
      Err: { kind: 'other', message: expect.stringContaining('Start Cratekeeper') as string },
    });
    expect(run.code).toBe(0);
  });
});
