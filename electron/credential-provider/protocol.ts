import type { Readable, Writable } from 'node:stream';
import {
  APP_NOT_RUNNING_MESSAGE,
  CARGO_HELLO,
  MAX_WIRE_LINE_BYTES,
  cargoAnswerSchema,
  cargoError,
  cargoRequestSchema,
  type CargoAnswer,
  type CargoRequest,
} from '../core/provider/wire.js';
import { readOneLine } from './line-reader.js';

/** The operations a `get` may ask for (cargo's protocol v1); all go to the app. */
export const CARGO_OPERATIONS = ['read', 'publish', 'yank', 'unyank', 'owners'] as const;

/** Where the provider's session with cargo reads and writes. */
export interface CargoSessionIo {
  /** cargo's request (process.stdin). */
  readonly input: Readable;
  /** Protocol lines only (process.stdout). */
  readonly output: Writable;
  /** Diagnostics for a person (process.stderr, which cargo passes through); never a token. */
  readonly diagnostics: Writable;
}

/** Asks the app for the answer to a `get` request; never throws for an expected failure. */
export type AskApp = (request: CargoRequest) => Promise<CargoAnswer>;

/** Exit codes: cargo requires 0 after an answer; 1 when there was nothing to answer. */
export const EXIT_ANSWERED = 0;
export const EXIT_NO_REQUEST = 1;

export const LOGIN_NOT_SUPPORTED_MESSAGE =
  'Cratekeeper keeps your crates.io tokens in the app, so `cargo login` is not supported with its credential provider. Create or import the token in Cratekeeper instead.';
export const LOGOUT_NOT_SUPPORTED_MESSAGE =
  'Cratekeeper keeps your crates.io tokens in the app, so `cargo logout` is not supported with its credential provider. Revoke or remove the token in Cratekeeper instead, or disconnect cargo in Cratekeeper’s Settings.';
const TOO_LONG_MESSAGE = `Cratekeeper's credential provider could not read cargo's request: it is longer than ${MAX_WIRE_LINE_BYTES / 1024} KiB.`;
const UNEXPECTED_FAILURE_MESSAGE =
  "Cratekeeper's credential provider failed unexpectedly; see the message above. Run cargo again, or restart Cratekeeper if it keeps happening.";

/**
 * One session of cargo's credential-provider protocol v1: hello, one request,
 * one wrapped answer. Independent of the process, so it is tested with plain
 * streams. Resolves with the exit code.
 *
 * The request is never echoed (a `login` request carries a token), and a
 * token only ever appears in the one answer line.
 */
export async function runCargoSession(io: CargoSessionIo, askApp: AskApp): Promise<number> {
  // Listening before the hello is out, so a broken stdin is seen, not thrown.
  const reading = readOneLine(io.input, { maxBytes: MAX_WIRE_LINE_BYTES });
  await writeLine(io.output, JSON.stringify(CARGO_HELLO));
  const read = await reading;

  let line: string;
  switch (read.kind) {
    case 'line':
      line = read.line;
      break;
    case 'end':
      if (read.partial.trim() === '') {
        note(io, 'cargo closed the connection before sending a request.');
        return EXIT_NO_REQUEST;
      }
      line = read.partial;
      break;
    case 'error':
      note(io, `could not read cargo's request: ${read.error.message}`);
      return EXIT_NO_REQUEST;
    case 'too-long':
      await answer(io, cargoError(TOO_LONG_MESSAGE));
      return EXIT_ANSWERED;
    case 'timeout':
      // No timeout is set on cargo's side: cargo writes its request at once.
      note(io, "gave up waiting for cargo's request.");
      return EXIT_NO_REQUEST;
  }

  await answer(io, await answerFor(line, askApp, io));
  return EXIT_ANSWERED;
}

/** The answer to one request line. */
async function answerFor(line: string, askApp: AskApp, io: CargoSessionIo): Promise<CargoAnswer> {
  const request = parseRequest(line);
  if (typeof request === 'string') return cargoError(request);

  switch (request.kind) {
    case 'get':
      break;
    case 'login':
    case 'logout':
      return answerLoginOrLogout(request, askApp, io);
    default:
      // A kind newer than protocol v1: cargo's own word for "not this one".
      return { Err: { kind: 'operation-not-supported' } };
  }
  if (request.operation === undefined) {
    return cargoError(
      "Cratekeeper's credential provider could not read cargo's request: a `get` request without an operation.",
    );
  }
  if (!isKnownOperation(request.operation)) return { Err: { kind: 'operation-not-supported' } };

  try {
    return await askApp(request);
  } catch (error) {
    note(io, error instanceof Error ? error.message : 'unknown failure');
    return cargoError(UNEXPECTED_FAILURE_MESSAGE);
  }
}

/**
 * `cargo login` and `cargo logout`: only the app knows whether the registry is
 * one it keeps tokens for. It is asked with the registry and the kind alone
 * (a login request carries a token, which never leaves this process); for a
 * registry it does not know it answers `url-not-supported`, so cargo's next
 * provider (`cargo:token`) logs in as before. Without the app, the sentence
 * for a registry it does know.
 */
async function answerLoginOrLogout(
  request: CargoRequest,
  askApp: AskApp,
  io: CargoSessionIo,
): Promise<CargoAnswer> {
  const { name } = request.registry;
  const bare: CargoRequest = {
    v: 1,
    registry: {
      'index-url': request.registry['index-url'],
      ...(name === undefined ? {} : { name }),
    },
    kind: request.kind,
  };
  const fallback = cargoError(
    request.kind === 'login' ? LOGIN_NOT_SUPPORTED_MESSAGE : LOGOUT_NOT_SUPPORTED_MESSAGE,
  );
  try {
    const answer = await askApp(bare);
    return 'Err' in answer &&
      answer.Err.kind === 'other' &&
      answer.Err.message === APP_NOT_RUNNING_MESSAGE
      ? fallback
      : answer;
  } catch (error) {
    note(io, error instanceof Error ? error.message : 'unknown failure');
    return fallback;
  }
}

/** The request, or a sentence for cargo saying why it is not one. */
function parseRequest(line: string): CargoRequest | string {
  const prefix = "Cratekeeper's credential provider could not read cargo's request";
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return `${prefix}: it is not JSON. Is this cargo 1.74 or newer?`;
  }
  const parsed = cargoRequestSchema.safeParse(json);
  if (!parsed.success) {
    // Field names only: the values are cargo's (and a login request holds a token).
    const fields = [
      ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'request')),
    ];
    return `${prefix}: unexpected ${fields.join(', ')} (Cratekeeper speaks protocol version 1).`;
  }
  return parsed.data;
}

function isKnownOperation(operation: string): boolean {
  return (CARGO_OPERATIONS as readonly string[]).includes(operation);
}

/** Writes the wrapped answer; an answer that is not one of cargo's becomes an `other` error. */
async function answer(io: CargoSessionIo, candidate: CargoAnswer): Promise<void> {
  const checked = cargoAnswerSchema.safeParse(candidate);
  if (!checked.success) note(io, 'the answer was not one cargo understands; answering an error.');
  const sent = checked.success ? checked.data : cargoError(UNEXPECTED_FAILURE_MESSAGE);
  await writeLine(io.output, JSON.stringify(sent));
}

function writeLine(output: Writable, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write(`${line}\n`, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

function note(io: CargoSessionIo, message: string): void {
  io.diagnostics.write(`cratekeeper-credential-provider: ${message}\n`);
}
