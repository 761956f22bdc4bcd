import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  providerAddress,
  ProviderServer,
  TOO_LONG_MESSAGE,
  UNREADABLE_REQUEST_MESSAGE,
  WRONG_SECRET_MESSAGE,
  type ProviderResponder,
} from './provider-server';
import {
  MAX_WIRE_LINE_BYTES,
  providerDir,
  providerReplySchema,
  providerRunFile,
  providerRunFileSchema,
  type CargoRequest,
  type ProviderReply,
} from './wire';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const REQUEST: CargoRequest = {
  v: 1,
  registry: { 'index-url': 'https://github.com/rust-lang/crates.io-index', name: 'crates-io' },
  kind: 'get',
  operation: 'read',
};

const servers: ProviderServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function started(
  respond: ProviderResponder = () =>
    Promise.resolve({
      Ok: { kind: 'get', token: 'cio-token', cache: 'never', operation_independent: false },
    }),
  idleTimeoutMs?: number,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-provider-'));
  const warnings: string[] = [];
  const server = new ProviderServer({
    dataDir,
    respond,
    log: { warn: (message: string) => warnings.push(message) },
    ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
  });
  servers.push(server);
  await server.start();
  const runFile = providerRunFileSchema.parse(
    JSON.parse(await readFile(providerRunFile(dataDir), 'utf8')),
  );
  return { dataDir, server, runFile, warnings };
}

/** Sends raw bytes and reads everything until the app closes the connection. */
function exchange(address: string, data: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(address);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => {
      resolve(answer);
    });
    socket.on('error', reject);
    socket.write(data);
  });
}

function parsedReply(line: string): ProviderReply {
  expect(line.endsWith('\n')).toBe(true);
  expect(line.indexOf('\n')).toBe(line.length - 1);
  return providerReplySchema.parse(JSON.parse(line));
}

describe('ProviderServer', () => {
  it('answers a request that carries the secret with the responder answer, as one line', async () => {
    const seen: CargoRequest[] = [];
    const { runFile } = await started((request) => {
      seen.push(request);
      return Promise.resolve({ Err: { kind: 'not-found' } });
    });
    const line = await exchange(
      runFile.address,
      `${JSON.stringify({ v: 1, secret: runFile.secret, request: REQUEST })}\n`,
    );
    expect(parsedReply(line)).toEqual({ answer: { Err: { kind: 'not-found' } } });
    expect(seen).toEqual([REQUEST]);
  });

  it('refuses a wrong secret without asking the responder, and logs nothing secret', async () => {
    let asked = 0;
    const { runFile, warnings } = await started(() => {
      asked++;
      return Promise.resolve({ Err: { kind: 'not-found' } });
    });
    const wrong = 'f'.repeat(64);
    for (const secret of [wrong, 'short', '']) {
      const line = await exchange(
        runFile.address,
        `${JSON.stringify({ v: 1, secret, request: REQUEST })}\n`,
      );
      expect(parsedReply(line)).toEqual({
        answer: { Err: { kind: 'other', message: WRONG_SECRET_MESSAGE } },
      });
    }
    expect(asked).toBe(0);
    expect(warnings.length).toBe(3);
    for (const warning of warnings) {
      expect(warning).not.toContain(runFile.secret);
      expect(warning).not.toContain(wrong);
    }
  });

  it('answers garbled JSON and a request of the wrong shape with an error', async () => {
    const { runFile } = await started();
    for (const garbled of [
      '{not json\n',
      '"just a string"\n',
      `${JSON.stringify({ v: 2, secret: runFile.secret, request: REQUEST })}\n`,
      `${JSON.stringify({ v: 1, secret: runFile.secret, request: { v: 1 } })}\n`,
      `${JSON.stringify({ v: 1, secret: runFile.secret, request: REQUEST, extra: 1 })}\n`,
    ]) {
      expect(parsedReply(await exchange(runFile.address, garbled))).toEqual({
        answer: { Err: { kind: 'other', message: UNREADABLE_REQUEST_MESSAGE } },
      });
    }
  });

  it('refuses a line longer than the limit without waiting for its end', async () => {
    const { runFile } = await started();
    const line = await exchange(runFile.address, Buffer.alloc(MAX_WIRE_LINE_BYTES + 10, 0x61));
    expect(parsedReply(line)).toEqual({
      answer: { Err: { kind: 'other', message: TOO_LONG_MESSAGE } },
    });
  });

  it('closes a connection that sends no whole line in time', async () => {
    const { runFile } = await started(undefined, 100);
    expect(await exchange(runFile.address, '{"v":1')).toBe('');
  });

  it('turns a responder failure into an error for cargo', async () => {
    const { runFile } = await started(() => Promise.reject(new Error('the disk is on fire')));
    const line = await exchange(
      runFile.address,
      `${JSON.stringify({ v: 1, secret: runFile.secret, request: REQUEST })}\n`,
    );
    expect(parsedReply(line)).toEqual({
      answer: {
        Err: {
          kind: 'other',
          message: "Cratekeeper could not answer cargo's request: the disk is on fire",
        },
      },
    });
  });

  it('aborts the responder when the asker goes away before the answer', async () => {
    let aborted: () => void = () => undefined;
    const abortSeen = new Promise<void>((resolve) => (aborted = resolve));
    const { runFile } = await started(
      (_request, signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted();
            resolve({ Err: { kind: 'not-found' } });
          });
        }),
    );
    const socket = connect(runFile.address);
    socket.write(`${JSON.stringify({ v: 1, secret: runFile.secret, request: REQUEST })}\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await abortSeen;
  });

  posixOnly('keeps the socket in an owner-only folder and the run file owner-only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-provider-'));
    // A folder left with a wider mode is narrowed.
    await mkdir(providerDir(dataDir), { mode: 0o755 });
    const server = new ProviderServer({
      dataDir,
      respond: () => Promise.resolve({ Err: { kind: 'not-found' } }),
      log: { warn: () => undefined },
    });
    servers.push(server);
    await server.start();
    expect((await stat(providerDir(dataDir))).mode & 0o777).toBe(0o700);
    expect((await stat(providerRunFile(dataDir))).mode & 0o777).toBe(0o600);
    const runFile = providerRunFileSchema.parse(
      JSON.parse(await readFile(providerRunFile(dataDir), 'utf8')),
    );
    expect(runFile).toMatchObject({
      v: 1,
      address: join(providerDir(dataDir), 'cargo.sock'),
      pid: process.pid,
    });
    expect(runFile.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(server.listening).toBe(true);
  });

  posixOnly('replaces a stale socket, and stop removes the socket and the run file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-provider-'));
    await mkdir(providerDir(dataDir), { mode: 0o700 });
    const address = providerAddress(dataDir, process.platform);
    await writeFile(address, 'left over');
    const server = new ProviderServer({
      dataDir,
      respond: () => Promise.resolve({ Err: { kind: 'not-found' } }),
      log: { warn: () => undefined },
    });
    await server.start();
    await server.stop();
    expect(server.listening).toBe(false);
    await expect(stat(address)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(providerRunFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
    // Stopping twice is harmless; starting again works with a new secret.
    await server.stop();
  });

  posixOnly(
    'listens in a private temporary folder when the data folder is too deep for a socket',
    async () => {
      const deep = join(
        mkdtempSync(join(tmpdir(), 'cratekeeper-provider-')),
        'd'.repeat(60),
        'e'.repeat(40),
      );
      const server = new ProviderServer({
        dataDir: deep,
        respond: () => Promise.resolve({ Err: { kind: 'not-found' } }),
        log: { warn: () => undefined },
      });
      servers.push(server);
      await server.start();
      const runFile = providerRunFileSchema.parse(
        JSON.parse(await readFile(providerRunFile(deep), 'utf8')),
      );
      expect(runFile.address.startsWith(deep)).toBe(false);
      expect(Buffer.byteLength(runFile.address)).toBeLessThan(104);
      expect((await stat(dirname(runFile.address))).mode & 0o777).toBe(0o700);
      const line = await exchange(
        runFile.address,
        `${JSON.stringify({ v: 1, secret: runFile.secret, request: REQUEST })}\n`,
      );
      expect(parsedReply(line)).toEqual({ answer: { Err: { kind: 'not-found' } } });
      await server.stop();
      await expect(stat(dirname(runFile.address))).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it('uses a fresh secret each run', async () => {
    const first = await started();
    const second = await started();
    expect(first.runFile.secret).not.toBe(second.runFile.secret);
  });

  it('names a per-user, per-folder pipe on Windows', () => {
    const pipe = providerAddress('C:\\Users\\kate\\AppData\\Roaming\\Cratekeeper', 'win32');
    expect(pipe).toMatch(/^\\\\\.\\pipe\\cratekeeper-[A-Za-z0-9_.-]+-[0-9a-f]{16}$/);
    expect(providerAddress('C:\\other', 'win32')).not.toBe(pipe);
  });
});
