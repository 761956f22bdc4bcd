import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_NOT_RUNNING_MESSAGE,
  MAX_WIRE_LINE_BYTES,
  type CargoAnswer,
  type CargoRequest,
} from '../core/provider/wire.js';
import {
  EXIT_ANSWERED,
  EXIT_NO_REQUEST,
  LOGIN_NOT_SUPPORTED_MESSAGE,
  LOGOUT_NOT_SUPPORTED_MESSAGE,
  runCargoSession,
  type AskApp,
} from './protocol.js';

const CRATES_IO = {
  'index-url': 'https://github.com/rust-lang/crates.io-index',
  name: 'crates-io',
};
const TOKEN = 'cio1234567890abcdefTOKEN';
const GRANTED: CargoAnswer = {
  Ok: { kind: 'get', token: TOKEN, cache: 'never', operation_independent: false },
};

interface Session {
  readonly input: PassThrough;
  /** Lines written to stdout so far. */
  lines(): string[];
  stderr(): string;
  readonly done: Promise<number>;
}

function startSession(askApp: AskApp): Session {
  const input = new PassThrough();
  const output = new PassThrough();
  const diagnostics = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  diagnostics.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const done = runCargoSession({ input, output, diagnostics }, askApp);
  return {
    input,
    lines: () => out.split('\n').filter((line) => line !== ''),
    stderr: () => err,
    done,
  };
}

/** One whole exchange: the request line written, then stdin left open as cargo does. */
async function exchange(line: string, askApp: AskApp = vi.fn<AskApp>()) {
  const session = startSession(askApp);
  session.input.write(`${line}\n`);
  const code = await session.done;
  return { code, lines: session.lines(), stderr: session.stderr() };
}

function request(fields: Record<string, unknown>): string {
  return JSON.stringify({ v: 1, registry: CRATES_IO, kind: 'get', ...fields });
}

describe('cargo credential provider protocol v1', () => {
  it('says hello before cargo sends anything, then waits for the request', async () => {
    const askApp = vi.fn<AskApp>().mockResolvedValue(GRANTED);
    const session = startSession(askApp);
    await vi.waitFor(() => {
      expect(session.lines()).toEqual(['{"v":[1]}']);
    });
    expect(askApp).not.toHaveBeenCalled();
    session.input.write(`${request({ operation: 'read' })}\n`);
    expect(await session.done).toBe(EXIT_ANSWERED);
    expect(session.lines()).toHaveLength(2);
  });

  it.each([
    { operation: 'read' },
    { operation: 'publish', name: 'quill', vers: '1.2.0', cksum: 'ab'.repeat(32) },
    { operation: 'yank', name: 'quill', vers: '1.2.0' },
    { operation: 'unyank', name: 'quill', vers: '1.2.0' },
    { operation: 'owners', name: 'quill' },
  ])('passes a $operation request to the app and writes its wrapped answer', async (fields) => {
    const askApp = vi.fn<AskApp>().mockResolvedValue(GRANTED);
    const { code, lines, stderr } = await exchange(request(fields), askApp);

    expect(askApp).toHaveBeenCalledWith({ v: 1, registry: CRATES_IO, kind: 'get', ...fields });
    expect(lines).toEqual(['{"v":[1]}', JSON.stringify(GRANTED)]);
    expect(code).toBe(EXIT_ANSWERED);
    expect(stderr).not.toContain(TOKEN);
  });

  it('keeps fields it does not know (newer cargo) in what it passes to the app', async () => {
    const askApp = vi.fn<AskApp>().mockResolvedValue(GRANTED);
    await exchange(
      JSON.stringify({
        v: 1,
        registry: { ...CRATES_IO, headers: ['WWW-Authenticate: Cargo'], 'future-key': 1 },
        kind: 'get',
        operation: 'publish',
        name: 'quill',
        vers: '1.0.0',
        'future-field': { nested: true },
        args: ['--data-dir', '/tmp/ck data'],
      }),
      askApp,
    );
    const passed = askApp.mock.calls[0]?.[0] as CargoRequest & Record<string, unknown>;
    expect(passed['future-field']).toEqual({ nested: true });
    expect(passed.registry['future-key']).toBe(1);
    expect(passed.args).toEqual(['--data-dir', '/tmp/ck data']);
  });

  it.each<CargoAnswer>([
    { Err: { kind: 'not-found' } },
    { Err: { kind: 'url-not-supported' } },
    { Err: { kind: 'other', message: 'Cratekeeper has no token that may yank quill.' } },
  ])('passes the app’s %j on unchanged (cargo falls through or shows it)', async (answer) => {
    const { code, lines } = await exchange(
      request({ operation: 'yank', name: 'quill', vers: '1.0.0' }),
      vi.fn<AskApp>().mockResolvedValue(answer),
    );
    expect(lines[1]).toBe(JSON.stringify(answer));
    expect(code).toBe(EXIT_ANSWERED);
  });

  it.each(['login', 'logout'] as const)(
    'asks the app about %s with the registry alone: the token never leaves the provider',
    async (kind) => {
      const askApp = vi.fn<AskApp>().mockResolvedValue({ Err: { kind: 'url-not-supported' } });
      const { code, lines } = await exchange(
        JSON.stringify({ v: 1, registry: CRATES_IO, kind, token: TOKEN, 'login-url': 'x' }),
        askApp,
      );
      expect(askApp).toHaveBeenCalledWith({ v: 1, registry: CRATES_IO, kind });
      expect(JSON.stringify(askApp.mock.calls)).not.toContain(TOKEN);
      // A registry the app does not know: cargo's next provider (cargo:token) logs in.
      expect(JSON.parse(lines[1] ?? '')).toEqual({ Err: { kind: 'url-not-supported' } });
      expect(code).toBe(EXIT_ANSWERED);
    },
  );

  it.each([
    ['login', LOGIN_NOT_SUPPORTED_MESSAGE],
    ['logout', LOGOUT_NOT_SUPPORTED_MESSAGE],
  ])(
    'answers %s with a sentence pointing to Cratekeeper when the app is not running',
    async (kind, message) => {
      const askApp = vi
        .fn<AskApp>()
        .mockResolvedValue({ Err: { kind: 'other', message: APP_NOT_RUNNING_MESSAGE } });
      const { code, lines } = await exchange(
        JSON.stringify({ v: 1, registry: CRATES_IO, kind, token: TOKEN }),
        askApp,
      );
      expect(JSON.parse(lines[1] ?? '')).toEqual({ Err: { kind: 'other', message } });
      expect(message).toContain(`cargo ${kind}`);
      expect(lines.join('\n')).not.toContain(TOKEN);
      expect(code).toBe(EXIT_ANSWERED);
    },
  );

  it('answers a kind or operation newer than protocol v1 with operation-not-supported', async () => {
    for (const line of [
      JSON.stringify({ v: 1, registry: CRATES_IO, kind: 'refresh' }),
      request({ operation: 'delete-everything' }),
    ]) {
      const askApp = vi.fn<AskApp>();
      const { code, lines } = await exchange(line, askApp);
      expect(JSON.parse(lines[1] ?? '')).toEqual({ Err: { kind: 'operation-not-supported' } });
      expect(askApp).not.toHaveBeenCalled();
      expect(code).toBe(EXIT_ANSWERED);
    }
  });

  it.each([
    ['not JSON', 'this is not json', 'not JSON'],
    ['another protocol version', JSON.stringify({ v: 2, registry: CRATES_IO, kind: 'get' }), 'v'],
    ['no registry', JSON.stringify({ v: 1, kind: 'get', operation: 'read' }), 'registry'],
    ['a get without an operation', request({}), 'without an operation'],
  ])('answers a garbled request (%s) with a clear error and exits 0', async (_, line, mentions) => {
    const askApp = vi.fn<AskApp>();
    const { code, lines } = await exchange(line, askApp);
    const answer = JSON.parse(lines[1] ?? '') as { Err: { kind: string; message: string } };
    expect(answer.Err.kind).toBe('other');
    expect(answer.Err.message).toMatch(
      /^Cratekeeper's credential provider could not read cargo's request/,
    );
    expect(answer.Err.message).toContain(mentions);
    expect(askApp).not.toHaveBeenCalled();
    expect(code).toBe(EXIT_ANSWERED);
  });

  it('never repeats the values of a garbled request (a login request carries a token)', async () => {
    const { lines } = await exchange(JSON.stringify({ v: 3, kind: 'login', token: TOKEN }));
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a request line over the cap without reading on or asking the app', async () => {
    const askApp = vi.fn<AskApp>();
    const session = startSession(askApp);
    session.input.write(request({ operation: 'read', padding: 'x'.repeat(MAX_WIRE_LINE_BYTES) }));
    const code = await session.done;
    const answer = JSON.parse(session.lines()[1] ?? '') as {
      Err: { kind: string; message: string };
    };
    expect(answer.Err).toEqual({
      kind: 'other',
      message: expect.stringContaining('64 KiB') as string,
    });
    expect(askApp).not.toHaveBeenCalled();
    expect(code).toBe(EXIT_ANSWERED);
  });

  it('accepts a request at the cap', async () => {
    const base = request({ operation: 'read', padding: '' });
    const line = request({
      operation: 'read',
      padding: 'x'.repeat(MAX_WIRE_LINE_BYTES - base.length),
    });
    expect(line.length).toBe(MAX_WIRE_LINE_BYTES);
    const { lines } = await exchange(line, vi.fn<AskApp>().mockResolvedValue(GRANTED));
    expect(lines[1]).toBe(JSON.stringify(GRANTED));
  });

  it('answers a last request line that has no newline before stdin closes', async () => {
    const session = startSession(vi.fn<AskApp>().mockResolvedValue(GRANTED));
    session.input.end(request({ operation: 'read' }));
    expect(await session.done).toBe(EXIT_ANSWERED);
    expect(session.lines()[1]).toBe(JSON.stringify(GRANTED));
  });

  it('exits non-zero, with only the hello on stdout, when stdin closes before a request', async () => {
    const askApp = vi.fn<AskApp>();
    const session = startSession(askApp);
    session.input.end();
    expect(await session.done).toBe(EXIT_NO_REQUEST);
    expect(session.lines()).toEqual(['{"v":[1]}']);
    expect(session.stderr()).toContain('before sending a request');
    expect(askApp).not.toHaveBeenCalled();
  });

  it('exits non-zero when stdin breaks before a request', async () => {
    const session = startSession(vi.fn<AskApp>());
    session.input.destroy(new Error('EPIPE'));
    expect(await session.done).toBe(EXIT_NO_REQUEST);
    expect(session.lines()).toEqual(['{"v":[1]}']);
  });

  it('answers an error when asking the app fails unexpectedly, with the reason on stderr only', async () => {
    const { code, lines, stderr } = await exchange(
      request({ operation: 'read' }),
      vi.fn<AskApp>().mockRejectedValue(new Error('socket exploded')),
    );
    const answer = JSON.parse(lines[1] ?? '') as { Err: { kind: string; message: string } };
    expect(answer.Err.kind).toBe('other');
    expect(answer.Err.message).not.toContain('socket exploded');
    expect(stderr).toContain('socket exploded');
    expect(code).toBe(EXIT_ANSWERED);
  });

  it('never passes on an answer cargo would reject', async () => {
    const unwrapped = { kind: 'get', token: TOKEN } as unknown as CargoAnswer;
    const { lines } = await exchange(
      request({ operation: 'read' }),
      vi.fn<AskApp>().mockResolvedValue(unwrapped),
    );
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[1] ?? '') as { Err: { kind: string } }).Err.kind).toBe('other');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
