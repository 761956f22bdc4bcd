import { open } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import {
  APP_ANSWER_TIMEOUT_MS,
  APP_NOT_RUNNING_MESSAGE,
  MAX_WIRE_LINE_BYTES,
  cargoError,
  providerReplySchema,
  providerRunFile,
  providerRunFileSchema,
  type CargoAnswer,
  type CargoRequest,
  type ProviderAsk,
  type ProviderRunFile,
} from '../core/provider/wire.js';
import { appDataDir, processDataDirEnvironment, type DataDirEnvironment } from './data-dir.js';
import { readOneLine } from './line-reader.js';

/** What the client needs from the machine; injected so tests use their own. */
export interface AppClientEnvironment extends DataDirEnvironment {
  /** How long to wait for the app's answer. */
  readonly timeoutMs: number;
  /** The current user's id (POSIX), to refuse a run file someone else wrote. */
  readonly uid: number | null;
  /** Whether a process with this id exists (a run file left by a crashed app names a dead one). */
  readonly isProcessAlive: (pid: number) => boolean;
}

export function processAppClientEnvironment(): AppClientEnvironment {
  return {
    ...processDataDirEnvironment(),
    timeoutMs: APP_ANSWER_TIMEOUT_MS,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    isProcessAlive,
  };
}

/** A run file is a few hundred bytes; anything far larger is not ours. */
const MAX_RUN_FILE_BYTES = 4096;
/** Group and world permission bits. */
const NOT_OWNER_ONLY = 0o077;

/** An expected failure, with the sentence cargo shows. */
class AskFailure extends Error {}

/**
 * Asks the running app for cargo's answer: finds the app's run file in its
 * data folder, connects to the socket (named pipe on Windows) it names, sends
 * the per-run secret with cargo's request, and passes the app's answer back
 * unchanged. Every failure becomes an `other` error cargo shows as is.
 */
export async function askRunningApp(
  request: CargoRequest,
  environment: AppClientEnvironment = processAppClientEnvironment(),
): Promise<CargoAnswer> {
  try {
    const runFilePath = providerRunFile(appDataDir(request.args, environment));
    const runFile = await readRunFile(runFilePath, environment);
    if (!environment.isProcessAlive(runFile.pid)) throw new AskFailure(APP_NOT_RUNNING_MESSAGE);
    const ask: ProviderAsk = { v: 1, secret: runFile.secret, request };
    return await exchange(runFile.address, JSON.stringify(ask), environment.timeoutMs);
  } catch (error) {
    if (error instanceof AskFailure) return cargoError(error.message);
    throw error;
  }
}

async function readRunFile(
  path: string,
  environment: AppClientEnvironment,
): Promise<ProviderRunFile> {
  let text: string;
  try {
    const file = await open(path, 'r');
    try {
      const stat = await file.stat();
      if (environment.platform !== 'win32') {
        if (environment.uid !== null && stat.uid !== environment.uid) {
          throw new AskFailure(
            `Cratekeeper's provider file ${path} belongs to another user; the provider will not use it. Restart Cratekeeper to write it again.`,
          );
        }
        if ((stat.mode & NOT_OWNER_ONLY) !== 0) {
          throw new AskFailure(
            `Cratekeeper's provider file ${path} can be read by other users; the provider will not use it. Restart Cratekeeper to write it again.`,
          );
        }
      }
      if (stat.size > MAX_RUN_FILE_BYTES) throw damaged(path);
      text = await file.readFile('utf8');
    } finally {
      await file.close();
    }
  } catch (error) {
    if (error instanceof AskFailure) throw error;
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      throw new AskFailure(APP_NOT_RUNNING_MESSAGE);
    }
    throw new AskFailure(
      `Cratekeeper's credential provider could not read ${path} (${errorCode(error) ?? 'unknown error'}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(path);
  }
  const parsed = providerRunFileSchema.safeParse(json);
  if (!parsed.success) throw damaged(path);
  return parsed.data;
}

function damaged(path: string): AskFailure {
  return new AskFailure(
    `Cratekeeper's provider file ${path} is damaged or from another version. Restart Cratekeeper to write it again.`,
  );
}

/** Sends one line to the app and reads its one-line reply. */
async function exchange(address: string, askLine: string, timeoutMs: number): Promise<CargoAnswer> {
  if (Buffer.byteLength(askLine, 'utf8') > MAX_WIRE_LINE_BYTES) {
    throw new AskFailure(
      `cargo's request is too large to pass to Cratekeeper (over ${MAX_WIRE_LINE_BYTES / 1024} KiB).`,
    );
  }
  const socket = await connected(address);
  try {
    socket.write(`${askLine}\n`);
    const read = await readOneLine(socket, { maxBytes: MAX_WIRE_LINE_BYTES, timeoutMs });
    switch (read.kind) {
      case 'line':
        return parseReply(read.line);
      case 'end':
        if (read.partial !== '') return parseReply(read.partial);
        throw new AskFailure(
          'Cratekeeper refused the request without an answer. If Cratekeeper was just restarted, run cargo again; otherwise restart Cratekeeper.',
        );
      case 'too-long':
        throw new AskFailure(
          `Cratekeeper's answer was longer than ${MAX_WIRE_LINE_BYTES / 1024} KiB; the provider does not accept it.`,
        );
      case 'timeout':
        throw new AskFailure(
          `Cratekeeper did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds. Check Cratekeeper for a question waiting for you, then run cargo again.`,
        );
      case 'error':
        throw new AskFailure(
          `The connection to Cratekeeper broke before it answered (${errorCode(read.error) ?? read.error.message}). Run cargo again.`,
        );
    }
  } finally {
    socket.destroy();
  }
}

function parseReply(line: string): CargoAnswer {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    json = undefined;
  }
  const parsed = providerReplySchema.safeParse(json);
  if (!parsed.success) {
    throw new AskFailure(
      'Cratekeeper sent an answer the credential provider does not understand. Are the provider and the app from the same Cratekeeper version?',
    );
  }
  return parsed.data.answer;
}

function connected(address: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path: address });
    const onError = (error: Error): void => {
      socket.destroy();
      const code = errorCode(error);
      // No socket (ENOENT) or nobody listening on it (ECONNREFUSED): the app is gone.
      if (code === 'ENOENT' || code === 'ECONNREFUSED') {
        reject(new AskFailure(APP_NOT_RUNNING_MESSAGE));
      } else {
        reject(
          new AskFailure(
            `Cratekeeper's credential provider could not connect to Cratekeeper (${code ?? error.message}).`,
          ),
        );
      }
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      // Errors after this are read as the exchange's outcome (readOneLine);
      // one late after the answer must not crash the process.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is another user's; let the connection decide.
    return errorCode(error) !== 'ESRCH';
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
