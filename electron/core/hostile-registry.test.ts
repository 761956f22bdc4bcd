import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegistryHttpLimits } from './http/http-limits';
import type { Fetch } from './ports';
import { RegistryClient } from './registry-client';
import { RegistryUnavailableError } from './registry-errors';
import { apiTokenJson, meBody } from './test-support/fake-registry';
import { instantRetry } from './test-support/instant-retry';
import { KiB, testHttpLimits } from './test-support/test-http-limits';

/**
 * The registry client against real sockets on 127.0.0.1 that answer the way
 * a hostile or broken registry would. Whatever they do, the client must give
 * up within its limits, read no more than its caps, follow no redirect, pass
 * on no field it does not know, close every connection, and never quote a
 * secret (the session cookie, a token) in an error.
 */

const COOKIE = 'hostile-test-session-4b1d';
const SECRET = `cio${'Hx7'.repeat(10)}Qz`;
/** Scenarios that must time out wait 250 ms for the one limit they test. */
const {
  roomy: ROOMY,
  quickHeaders: NO_HEADERS,
  quickBody: NO_BODY,
} = testHttpLimits({ maxListBytes: 256 * KiB, maxAnswerBytes: 16 * KiB }, 250);

interface Hostile {
  readonly url: string;
  readonly host: string;
  /** Requests seen, as "METHOD path cookie". */
  readonly requests: string[];
  /**
   * Connections that carried a request and are still open. (Idle spare
   * connections that fetch's pool opens do not count: no request, no cookie.)
   */
  openSockets(): number;
  /** Bytes the server managed to write into answers. */
  readonly written: { bytes: number };
}

/** Every server started, with every connection it accepted, to tear down after each test. */
const running: { server: Server; connections: Set<Socket> }[] = [];
afterEach(async () => {
  await Promise.all(
    running.splice(0).map(
      ({ server, connections }) =>
        new Promise<void>((resolve) => {
          for (const socket of connections) socket.destroy();
          server.close(() => {
            resolve();
          });
        }),
    ),
  );
});

/** Listens on 127.0.0.1; `carrying` tracks open connections that carried a request. */
async function listen(
  server: Server,
  carrying: Set<Socket>,
): Promise<{ url: string; host: string }> {
  const connections = new Set<Socket>();
  running.push({ server, connections });
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('data', () => carrying.add(socket));
    socket.on('close', () => {
      connections.delete(socket);
      carrying.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const host = `127.0.0.1:${String(address.port)}`;
  return { url: `http://${host}`, host };
}

/** An HTTP server answering every request with `handler`. */
async function hostileHttp(
  handler: (request: IncomingMessage, response: ServerResponse, written: { bytes: number }) => void,
): Promise<Hostile> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const written = { bytes: 0 };
  const server = createHttpServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''} ${request.headers.cookie ?? ''}`);
    handler(request, response, written);
  });
  // Node's own server timeouts are not under test.
  server.requestTimeout = 0;
  const { url, host } = await listen(server, sockets);
  return { url, host, requests, written, openSockets: () => sockets.size };
}

/** A TCP server that accepts connections, takes the request and never says a word. */
async function silentTcp(): Promise<Hostile> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server = createTcpServer((socket) => {
    socket.once('data', (data) => requests.push(data.toString('latin1').split('\r\n')[0] ?? ''));
  });
  const { url, host } = await listen(server, sockets);
  return { url, host, requests, written: { bytes: 0 }, openSockets: () => sockets.size };
}

function client(
  hostile: Hostile,
  limits: RegistryHttpLimits,
  fetchImpl: Fetch = fetch,
): RegistryClient {
  return new RegistryClient(hostile.url, COOKIE, fetchImpl, instantRetry(), limits);
}

/** What a call ended with; it must be an error. */
async function failureOf(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error('the call was expected to fail');
  expect(outcome.error).toBeInstanceOf(Error);
  return outcome.error as Error;
}

/** No secret in an error's messages, stacks or causes. */
function expectNoSecrets(error: Error): void {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    parts.push(current.message, current.stack ?? '');
  }
  const text = parts.join('\n');
  expect(text).not.toContain(COOKIE);
  expect(text).not.toContain(SECRET);
}

const CREATE_BODY = {
  api_token: {
    name: 'ci',
    endpoint_scopes: ['yank' as const],
    crate_scopes: null,
    expired_at: null,
  },
};

function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

describe('a hostile registry', () => {
  it('cannot smuggle secrets or unknown fields through list, token and user answers', async () => {
    const extra = { token: SECRET, plaintext: SECRET, owner_session: COOKIE };
    const hostile = await hostileHttp((request, response) => {
      if (request.url === '/api/v1/me/tokens') {
        sendJson(response, { api_tokens: [apiTokenJson(1, extra), apiTokenJson(2)], ...extra });
      } else if (request.url === '/api/v1/me/tokens/1') {
        sendJson(response, { api_token: apiTokenJson(1, extra), ...extra });
      } else {
        const me = meBody(1, 'kate', ['serde']) as { user: object; owned_crates: object[] };
        sendJson(response, { ...me, user: { ...me.user, ...extra }, ...extra });
      }
    });
    const registry = client(hostile, ROOMY);
    const tokens = await registry.listTokens();
    const one = await registry.getToken(1);
    const me = await registry.me();
    expect(tokens).toEqual([apiTokenJson(1), apiTokenJson(2)]);
    expect(one).toEqual(apiTokenJson(1));
    expect(Object.keys(me).sort()).toEqual(['owned_crates', 'user']);
    expect(Object.keys(me.user).sort()).toEqual(['avatar', 'id', 'login', 'name']);
    for (const answer of [tokens, one, me]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(COOKIE);
      expect(text).not.toContain('plaintext');
    }
  });

  it('gets no more than the new token from a creation answer', async () => {
    const hostile = await hostileHttp((_request, response) => {
      sendJson(response, { api_token: { ...apiTokenJson(9), token: SECRET, plaintext: SECRET } });
    });
    const created = await client(hostile, ROOMY).createToken(CREATE_BODY);
    expect(Object.keys(created).sort()).toEqual([...Object.keys(apiTokenJson(9)), 'token'].sort());
  });

  it('cannot redirect a call, and the cookie never reaches the other server', async () => {
    const elsewhere = await hostileHttp((_request, response) => {
      sendJson(response, { api_tokens: [] });
    });
    for (const status of [301, 302, 307, 308]) {
      const hostile = await hostileHttp((request, response) => {
        response.writeHead(status, { location: `${elsewhere.url}${request.url ?? '/'}` });
        response.end();
      });
      const registry = client(hostile, ROOMY);
      for (const call of [() => registry.listTokens(), () => registry.createToken(CREATE_BODY)]) {
        const error = await failureOf(call());
        expect(error).toBeInstanceOf(RegistryUnavailableError);
        expectNoSecrets(error);
      }
      expect(hostile.requests.length).toBeGreaterThan(0);
    }
    expect(elsewhere.requests).toEqual([]);
  });

  it('cuts off a truncated answer: a read is retried, a creation is not', async () => {
    const hostile = await hostileHttp((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      response.write(`{"api_token":{"id":9,"token":"${SECRET}"`);
      // Gone before the promised 4000 bytes.
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const registry = client(hostile, ROOMY);
    const read = await failureOf(registry.listTokens());
    expect(read).toBeInstanceOf(RegistryUnavailableError);
    expect(read.message).toBe(`The answer from ${hostile.host} was cut off.`);
    expectNoSecrets(read);
    expect(hostile.requests).toHaveLength(4);

    hostile.requests.length = 0;
    const creation = await failureOf(registry.createToken(CREATE_BODY));
    expect(creation).toBeInstanceOf(RegistryUnavailableError);
    expectNoSecrets(creation);
    expect(hostile.requests).toHaveLength(1);
  });

  it('refuses an answer that ends early but cleanly, without quoting it', async () => {
    const hostile = await hostileHttp((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"api_token":{"id":9,"token":"${SECRET}`);
    });
    const registry = client(hostile, ROOMY);
    for (const call of [() => registry.getToken(9), () => registry.createToken(CREATE_BODY)]) {
      const error = await failureOf(call());
      expect(error).toBeInstanceOf(RegistryUnavailableError);
      expectNoSecrets(error);
    }
  });

  it('stops reading an endless answer at the cap and hangs up', async () => {
    // Endless in practice; the ceiling only stops a client without a cap from eating the machine.
    const ceiling = 256 * 1024 * KiB;
    const hostile = await hostileHttp((_request, response, written) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * KiB, 0x20);
      const pump = (): void => {
        while (!response.destroyed && written.bytes < ceiling) {
          written.bytes += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        if (!response.destroyed) response.end();
      };
      response.write('{"api_tokens":[');
      pump();
    });
    let consumed = 0;
    // Counts what the client actually takes from the socket.
    const counting: Fetch = async (input, init) => {
      const response = await fetch(input, init);
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          consumed += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new Response(response.body?.pipeThrough(counter) ?? null, {
        status: response.status,
        headers: response.headers,
      });
    };
    const error = await failureOf(client(hostile, ROOMY, counting).listTokens());
    expect(error.message).toBe(
      `${hostile.host}'s answer was larger than 256 KiB; it was not read.`,
    );
    expect(consumed).toBeLessThanOrEqual(ROOMY.maxListBytes + 256 * KiB);
    await vi.waitFor(() => {
      expect(hostile.openSockets()).toBe(0);
    });
    expect(hostile.written.bytes).toBeLessThan(ceiling);
  });

  it('refuses an answer whose declared length is over the cap before reading it', async () => {
    const hostile = await hostileHttp((_request, response) => {
      response.writeHead(200, { 'content-length': String(64 * 1024 * 1024 * KiB) });
      response.write('{"api_tokens":[');
    });
    const error = await failureOf(client(hostile, ROOMY).listTokens());
    expect(error.message).toBe(
      `${hostile.host}'s answer was larger than 256 KiB; it was not read.`,
    );
    await vi.waitFor(() => {
      expect(hostile.openSockets()).toBe(0);
    });
  });

  it('times out a server that accepts the connection and never answers, without retrying', async () => {
    const silent = await silentTcp();
    const registry = client(silent, NO_HEADERS);
    for (const call of [() => registry.listTokens(), () => registry.createToken(CREATE_BODY)]) {
      const error = await failureOf(call());
      expect(error).toBeInstanceOf(RegistryUnavailableError);
      expect(error.message).toBe(`${silent.host} did not answer within 250 ms.`);
      expectNoSecrets(error);
    }
    await vi.waitFor(() => {
      expect(silent.openSockets()).toBe(0);
    });
    // Each sent at most once. (On a busy machine the 250 ms can run out before
    // the request is even written, so "exactly once" would be a race.)
    expect(silent.requests.filter((line) => line.startsWith('GET ')).length).toBeLessThanOrEqual(1);
    expect(silent.requests.filter((line) => line.startsWith('PUT ')).length).toBeLessThanOrEqual(1);
    expect(silent.requests.every((line) => line.endsWith(' /api/v1/me/tokens HTTP/1.1'))).toBe(
      true,
    );
  });

  it('times out a server that reads the request and never answers', async () => {
    const hostile = await hostileHttp(() => undefined);
    const error = await failureOf(client(hostile, NO_HEADERS).me());
    expect(error.message).toBe(`${hostile.host} did not answer within 250 ms.`);
    await vi.waitFor(() => {
      expect(hostile.openSockets()).toBe(0);
    });
    // At most once: a busy machine may run out the 250 ms before the request is written.
    expect(hostile.requests.length).toBeLessThanOrEqual(1);
  });

  it('times out a server that sends the headers and then stalls', async () => {
    const hostile = await hostileHttp((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(`{"api_token":{"id":9,"token":"${SECRET}",`);
    });
    const registry = client(hostile, NO_BODY);
    for (const call of [() => registry.listTokens(), () => registry.createToken(CREATE_BODY)]) {
      const error = await failureOf(call());
      expect(error.message).toBe(`${hostile.host} did not finish its answer within 250 ms.`);
      expectNoSecrets(error);
    }
    expect(hostile.requests).toHaveLength(2);
    await vi.waitFor(() => {
      expect(hostile.openSockets()).toBe(0);
    });
  });

  it('times out a body that trickles in a byte at a time', async () => {
    const hostile = await hostileHttp((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => {
        if (response.destroyed) clearInterval(timer);
        else response.write(' ');
      }, 20);
      response.on('close', () => {
        clearInterval(timer);
      });
    });
    const error = await failureOf(client(hostile, NO_BODY).listTokens());
    expect(error.message).toBe(`${hostile.host} did not finish its answer within 250 ms.`);
    await vi.waitFor(() => {
      expect(hostile.openSockets()).toBe(0);
    });
  });

  it('keeps the status of an error answer that is endless', async () => {
    const hostile = await hostileHttp((_request, response) => {
      response.writeHead(403, 'Forbidden', { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * KiB, 0x20);
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const error = await failureOf(client(hostile, ROOMY).listTokens());
    expect(error).toMatchObject({ status: 403, detail: 'Forbidden' });
  });
});
