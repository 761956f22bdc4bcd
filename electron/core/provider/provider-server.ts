import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, unlinkSync } from 'node:fs';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ZodError } from 'zod';
import {
  cargoAnswerSchema,
  cargoError,
  MAX_WIRE_LINE_BYTES,
  providerAskSchema,
  providerDir,
  providerRunFile,
  providerRunFileSchema,
  type CargoAnswer,
  type CargoRequest,
  type ProviderRunFile,
} from './wire';
import { isErrnoException, writeFileDurably } from '../store/durable-file';

/**
 * The app's end of the provider wire (electron/core/provider/wire.ts): a Unix
 * socket in the app's data folder (folder 0700) or a per-user named pipe on
 * Windows, and an owner-only run file saying where it is and which secret a
 * request must carry. One request per connection: one line in, one line out.
 *
 * The secret proves the asker could read the run file, i.e. is this user
 * (a named pipe, unlike the socket's folder, is reachable by other users).
 * It is never logged.
 */

export const SOCKET_FILE_NAME = 'cargo.sock';
/** A connection that has not sent its whole line by then is closed. */
const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
/** Connections served at once; more are refused by the OS's backlog, then by Node. */
const MAX_CONNECTIONS = 32;
/**
 * A Unix socket's path has room for 104 bytes on macOS (108 on Linux), its
 * terminating zero included. A data folder deep enough to pass that gets its
 * socket in a private (0700) temporary folder instead; the run file, in the
 * data folder as ever, says where.
 */
const MAX_SOCKET_PATH_BYTES = 103;

export const WRONG_SECRET_MESSAGE =
  "Cratekeeper refused the request: the provider's secret does not match this run of Cratekeeper. Run cargo again.";
export const UNREADABLE_REQUEST_MESSAGE =
  "Cratekeeper could not read the provider's request (not one JSON line in the expected shape).";
export const TOO_LONG_MESSAGE = `Cratekeeper refused the request: longer than ${MAX_WIRE_LINE_BYTES} bytes.`;

/** Answers one request cargo made; `signal` aborts when the asker went away. */
export type ProviderResponder = (
  request: CargoRequest,
  signal: AbortSignal,
) => Promise<CargoAnswer>;

export interface ProviderServerOptions {
  /** The app's data folder: the socket and run file go in its `cargo-provider` folder. */
  readonly dataDir: string;
  readonly respond: ProviderResponder;
  readonly log: Pick<Console, 'warn'>;
  /** process.platform when absent (tests pass `win32` to see the pipe's name). */
  readonly platform?: NodeJS.Platform;
  readonly idleTimeoutMs?: number;
}

/** Where the app listens: `cargo.sock` in the provider folder, or a named pipe on Windows. */
export function providerAddress(dataDir: string, platform: NodeJS.Platform): string {
  if (platform !== 'win32') return join(providerDir(dataDir), SOCKET_FILE_NAME);
  // Per user and per data folder, so two users (or a preview beside the app) never meet.
  const user = userInfo().username.replace(/[^A-Za-z0-9_.-]/g, '_');
  const folder = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return `\\\\.\\pipe\\cratekeeper-${user}-${folder}`;
}

/** Compares in constant time for equal lengths; a different length is simply unequal. */
function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) {
    // Still spend a comparison, so a wrong length does not answer measurably sooner.
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

export class ProviderServer {
  private server: Server | null = null;
  private runFile: ProviderRunFile | null = null;
  private readonly sockets = new Set<Socket>();
  /** Where the socket is listening (see MAX_SOCKET_PATH_BYTES). */
  private address: string | null = null;
  /** The private temporary folder of a socket whose usual path is too long, if one was made. */
  private shortFolder: string | null = null;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly options: ProviderServerOptions) {
    this.platform = options.platform ?? process.platform;
  }

  /** True while the socket (or pipe) accepts requests. */
  get listening(): boolean {
    return this.server?.listening ?? false;
  }

  /** Listens and writes the run file; a second start while listening does nothing. */
  async start(): Promise<void> {
    if (this.server) return;
    const { dataDir } = this.options;
    const folder = providerDir(dataDir);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    // mkdir's mode applies only to a folder it creates (and the umask trims it): make sure.
    if (this.platform !== 'win32') await chmod(folder, 0o700);
    let address = providerAddress(dataDir, this.platform);
    if (this.platform !== 'win32' && Buffer.byteLength(address) > MAX_SOCKET_PATH_BYTES) {
      // mkdtemp makes the folder 0700, owned by this user.
      this.shortFolder = await mkdtemp(join(tmpdir(), 'cratekeeper-'));
      address = join(this.shortFolder, SOCKET_FILE_NAME);
    }
    // A socket left by a run that did not stop cleanly would make listen fail (EADDRINUSE).
    if (this.platform !== 'win32') unlinkIfPresent(address);
    const server = createServer((socket) => {
      this.serve(socket);
    });
    server.maxConnections = MAX_CONNECTIONS;
    // The app's window, tray or HTTP server keeps the process alive; the socket alone must not.
    server.unref();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => {
      this.options.log.warn(`cargo provider: the socket failed: ${error.message}`);
    });
    this.server = server;
    this.address = address;
    if (this.platform !== 'win32') await chmod(address, 0o600);
    const runFile: ProviderRunFile = providerRunFileSchema.parse({
      v: 1,
      address,
      secret: randomBytes(32).toString('hex'),
      pid: process.pid,
    });
    await writeFileDurably(providerRunFile(dataDir), `${JSON.stringify(runFile)}\n`);
    this.runFile = runFile;
  }

  /**
   * Stops listening, ends open connections, removes the socket and (if still
   * ours) the run file. The files go before this first waits, so a caller
   * that cannot wait (the app quitting) still leaves nothing behind.
   */
  async stop(): Promise<void> {
    const server = this.server;
    const runFile = this.runFile;
    const address = this.address;
    const shortFolder = this.shortFolder;
    this.server = null;
    this.runFile = null;
    this.address = null;
    this.shortFolder = null;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    const closed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    if (this.platform !== 'win32' && address !== null) unlinkIfPresent(address);
    if (shortFolder !== null) rmSync(shortFolder, { recursive: true, force: true });
    if (runFile) removeRunFileIfOurs(providerRunFile(this.options.dataDir), runFile.secret);
    await closed;
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    const aborter = new AbortController();
    let received = Buffer.alloc(0);
    let answered = false;
    socket.setTimeout(this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
    socket.on('timeout', () => {
      socket.destroy();
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      aborter.abort();
    });
    socket.on('error', () => undefined);
    const reply = (answer: CargoAnswer): void => {
      if (socket.destroyed) return;
      socket.end(`${JSON.stringify({ answer })}\n`);
    };
    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      received = Buffer.concat([received, chunk]);
      const newline = received.indexOf(0x0a);
      const lineLength = newline === -1 ? received.length : newline;
      if (lineLength > MAX_WIRE_LINE_BYTES) {
        answered = true;
        reply(cargoError(TOO_LONG_MESSAGE));
        return;
      }
      if (newline === -1) return;
      answered = true;
      // Waiting for the user (approval) may take a minute: the idle limit was for the request.
      socket.setTimeout(0);
      void this.answer(received.subarray(0, newline).toString('utf8'), aborter.signal).then(reply);
    });
  }

  private async answer(line: string, signal: AbortSignal): Promise<CargoAnswer> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return cargoError(UNREADABLE_REQUEST_MESSAGE);
    }
    const ask = providerAskSchema.safeParse(parsed);
    if (!ask.success) return cargoError(UNREADABLE_REQUEST_MESSAGE);
    const expected = this.runFile?.secret;
    if (expected === undefined || !secretMatches(ask.data.secret, expected)) {
      this.options.log.warn('cargo provider: a request with a wrong secret was refused.');
      return cargoError(WRONG_SECRET_MESSAGE);
    }
    try {
      const answer = await this.options.respond(ask.data.request, signal);
      // The answer goes to cargo unchanged: it must be one cargo accepts.
      return cargoAnswerSchema.parse(answer);
    } catch (error) {
      // A refused answer's own text could hold what it carried: say only that it was refused.
      const reason =
        error instanceof ZodError
          ? 'its answer was not one cargo accepts'
          : error instanceof Error
            ? error.message
            : 'unknown error';
      this.options.log.warn(`cargo provider: answering failed: ${reason}`);
      return cargoError(`Cratekeeper could not answer cargo's request: ${reason}`);
    }
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
  }
}

/** A newer run (another process on the same folder) may have replaced the file: leave it then. */
function removeRunFileIfOurs(path: string, secret: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  let current: unknown = null;
  try {
    current = JSON.parse(text);
  } catch {
    // Unreadable: nobody can use it; remove it.
  }
  const parsed = providerRunFileSchema.safeParse(current);
  if (parsed.success && parsed.data.secret !== secret) return;
  unlinkIfPresent(path);
}
