import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallHandlers } from '../../electron/core/dispatch';
import { CALL_NAMES } from '../../shared/ipc/contract';
import { createHarnessApp } from './app';
import { EventHub } from './event-hub';
import { MAX_CALL_BODY_BYTES, newHarnessKey } from './harness-guard';
import {
  HARNESS_BRIDGE_FILE,
  HARNESS_CALL_PATH,
  HARNESS_EVENTS_PATH,
  HARNESS_KEY_HEADER,
  HARNESS_KEY_META,
  HARNESS_KEY_PARAM,
} from './paths';
import { injectBridge, type RendererFiles } from './renderer-files';

const PORT = 5199;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HOST = `127.0.0.1:${PORT}`;
const REVEAL_PATH = `${HARNESS_CALL_PATH}${encodeURIComponent('tokens:reveal')}`;
const SECRET = 'cio-the-secret-a-stranger-must-not-get';

const INDEX_HTML =
  '<!doctype html><html><head><meta charset="UTF-8" />' +
  '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'" />' +
  '<script type="module" crossorigin src="./assets/index.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

/** A stand-in for the renderer build, so these tests need no `npm run build:renderer`. */
function fakeRendererFiles(): RendererFiles {
  const dir = mkdtempSync(join(tmpdir(), 'cratekeeper-guard-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets/index.js'), 'console.log("app");');
  const bridgePath = join(dir, HARNESS_BRIDGE_FILE);
  writeFileSync(bridgePath, '/* bridge */');
  return { dir, bridgePath };
}

const FILES = fakeRendererFiles();

/**
 * The harness app over handlers that record every call that reaches them:
 * a refused request must never get that far. `tokens:reveal` answers with a
 * secret, as the real one does.
 */
function setUp(origin: string | (() => string) = ORIGIN) {
  const reached: string[] = [];
  const events = new EventHub();
  const key = newHarnessKey();
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      () => {
        reached.push(name);
        return Promise.resolve(name === 'tokens:reveal' ? { secret: SECRET } : []);
      },
    ]),
  ) as unknown as CallHandlers;
  const app = createHarnessApp({
    handlers,
    events,
    log: { error: () => undefined },
    origin: typeof origin === 'string' ? () => origin : origin,
    key,
    files: FILES,
  });
  return { app, key, reached, events };
}

/** What the harness's own page sends; each test changes one thing. */
function pageHeaders(key: string): Record<string, string> {
  return {
    host: HOST,
    origin: ORIGIN,
    'content-type': 'application/json',
    [HARNESS_KEY_HEADER]: key,
  };
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([header]) => header.toLowerCase() !== name.toLowerCase()),
  );
}

const REVEAL_BODY = JSON.stringify({ key: 'crates-io:1' });

async function expectFailure(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  const body: unknown = await response.json();
  expect(body).toMatchObject({ ok: false, error: { code } });
  expect(JSON.stringify(body)).not.toContain(SECRET);
}

describe('calls: the harness page is accepted', () => {
  it('answers a call with Host, Origin, key and JSON', async () => {
    const { app, key, reached } = setUp();
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: pageHeaders(key),
      body: REVEAL_BODY,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { secret: SECRET } });
    expect(reached).toEqual(['tokens:reveal']);
  });

  it('accepts a charset on the JSON content type', async () => {
    const { app, key, reached } = setUp();
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: { ...pageHeaders(key), 'content-type': 'application/json; charset=utf-8' },
      body: REVEAL_BODY,
    });
    expect(response.status).toBe(200);
    expect(reached).toEqual(['tokens:reveal']);
  });

  it('passes a body just under the cap on to the contract', async () => {
    const { app, key, reached } = setUp();
    const padding = 'x'.repeat(MAX_CALL_BODY_BYTES - 100);
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: pageHeaders(key),
      body: JSON.stringify({ key: padding }),
    });
    expect(response.status).toBe(200);
    expect(reached).toEqual(['tokens:reveal']);
  });

  it('uses the key that the served page carries', async () => {
    const { app, key, reached } = setUp();
    const page = await app.request('/', { headers: { host: HOST } });
    const html = await page.text();
    const embedded = new RegExp(`<meta name="${HARNESS_KEY_META}" content="([^"]+)">`).exec(html);
    expect(embedded?.[1]).toBe(key);
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: { ...pageHeaders(''), [HARNESS_KEY_HEADER]: embedded?.[1] ?? '' },
      body: REVEAL_BODY,
    });
    expect(response.status).toBe(200);
    expect(reached).toEqual(['tokens:reveal']);
  });
});

describe('calls: everyone else is refused before the core is reached', () => {
  it.each([
    ['no Origin', (key: string) => without(pageHeaders(key), 'origin')],
    ['a foreign Origin', (key: string) => ({ ...pageHeaders(key), origin: 'http://evil.example' })],
    ['Origin null', (key: string) => ({ ...pageHeaders(key), origin: 'null' })],
    [
      'another port on loopback',
      (key: string) => ({ ...pageHeaders(key), origin: 'http://127.0.0.1:5200' }),
    ],
    ['no key', (key: string) => without(pageHeaders(key), HARNESS_KEY_HEADER)],
    ['an empty key', (key: string) => ({ ...pageHeaders(key), [HARNESS_KEY_HEADER]: '' })],
    [
      'a wrong key of the right length',
      (key: string) => ({ ...pageHeaders(key), [HARNESS_KEY_HEADER]: newHarnessKey() }),
    ],
    [
      'the key with a character more',
      (key: string) => ({ ...pageHeaders(key), [HARNESS_KEY_HEADER]: `${key}A` }),
    ],
    ['no Host', (key: string) => without(pageHeaders(key), 'host')],
    [
      'a rebound Host (DNS rebinding)',
      (key: string) => ({ ...pageHeaders(key), host: `evil.example:${PORT}` }),
    ],
    ['localhost as Host', (key: string) => ({ ...pageHeaders(key), host: `localhost:${PORT}` })],
    ['Host without the port', (key: string) => ({ ...pageHeaders(key), host: '127.0.0.1' })],
  ])('refuses %s with 403', async (_label, headersFor) => {
    const { app, key, reached } = setUp();
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: headersFor(key),
      body: REVEAL_BODY,
    });
    await expectFailure(response, 403, 'forbidden');
    expect(reached).toEqual([]);
  });

  it('refuses the key in the query string instead of its header', async () => {
    const { app, key, reached } = setUp();
    const query = new URLSearchParams({ [HARNESS_KEY_PARAM]: key });
    const response = await app.request(`${REVEAL_PATH}?${query.toString()}`, {
      method: 'POST',
      headers: without(pageHeaders(key), HARNESS_KEY_HEADER),
      body: REVEAL_BODY,
    });
    await expectFailure(response, 403, 'forbidden');
    expect(reached).toEqual([]);
  });

  it('refuses every call while the harness has no origin yet', async () => {
    const { app, key, reached } = setUp('');
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: { ...pageHeaders(key), origin: '' },
      body: REVEAL_BODY,
    });
    await expectFailure(response, 403, 'forbidden');
    expect(reached).toEqual([]);
  });

  it.each([
    ['text/plain (a cross-site form or no-cors fetch)', 'text/plain'],
    ['a form encoding', 'application/x-www-form-urlencoded'],
    ['a JSON look-alike', 'application/jsonp'],
  ])('refuses %s with 415', async (_label, contentType) => {
    const { app, key, reached } = setUp();
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: { ...pageHeaders(key), 'content-type': contentType },
      body: REVEAL_BODY,
    });
    await expectFailure(response, 415, 'invalid-input');
    expect(reached).toEqual([]);
  });

  it('refuses a call without a content type with 415', async () => {
    const { app, key, reached } = setUp();
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: without(pageHeaders(key), 'content-type'),
      body: new TextEncoder().encode(REVEAL_BODY),
    });
    await expectFailure(response, 415, 'invalid-input');
    expect(reached).toEqual([]);
  });

  it('refuses a body declared larger than the cap with 413', async () => {
    const { app, key, reached } = setUp();
    const body = JSON.stringify({ key: 'x'.repeat(MAX_CALL_BODY_BYTES) });
    const response = await app.request(REVEAL_PATH, {
      method: 'POST',
      headers: { ...pageHeaders(key), 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    await expectFailure(response, 413, 'invalid-input');
    expect(reached).toEqual([]);
  });

  it('cuts off an endless body of unknown length with 413, without reading it all', async () => {
    const { app, key, reached } = setUp();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    // Node needs `duplex` for a stream body; the DOM typings this project uses lack it.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: pageHeaders(key),
      body: endless,
      duplex: 'half',
    };
    const request = new Request(`http://${HOST}${REVEAL_PATH}`, init);
    const response = await app.request(request);
    await expectFailure(response, 413, 'invalid-input');
    expect(reached).toEqual([]);
    // The cap plus what the stream had queued ahead, not "until memory runs out".
    expect(pulled).toBeLessThanOrEqual(MAX_CALL_BODY_BYTES + 4 * chunk.length);
  });
});

describe('the event stream', () => {
  const streamPath = (key: string): string =>
    `${HARNESS_EVENTS_PATH}?${new URLSearchParams({ [HARNESS_KEY_PARAM]: key }).toString()}`;

  it('streams events to the page: own Host, key in the URL, no Origin (as Chromium sends it)', async () => {
    const { app, key, events } = setUp();
    const response = await app.request(streamPath(key), { headers: { host: HOST } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('the stream has no body');
    events.emit('vault:changed', { state: 'ready' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: vault:changed');
    await reader.cancel();
  });

  it('accepts its own Origin, and the key in the header', async () => {
    const { app, key } = setUp();
    const response = await app.request(HARNESS_EVENTS_PATH, {
      headers: { host: HOST, origin: ORIGIN, [HARNESS_KEY_HEADER]: key },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it.each([
    ['no key', () => HARNESS_EVENTS_PATH, { host: HOST }],
    ['a wrong key', () => streamPath(newHarnessKey()), { host: HOST }],
    [
      'a foreign Origin',
      (key: string) => streamPath(key),
      { host: HOST, origin: 'http://evil.example' },
    ],
    ['Origin null', (key: string) => streamPath(key), { host: HOST, origin: 'null' }],
    ['a rebound Host', (key: string) => streamPath(key), { host: `evil.example:${PORT}` }],
    ['no Host', (key: string) => streamPath(key), {}],
  ])('refuses %s with 403', async (_label, pathFor, headers: Record<string, string>) => {
    const { app, key } = setUp();
    const response = await app.request(pathFor(key), { headers });
    await expectFailure(response, 403, 'forbidden');
  });
});

describe('static files', () => {
  it.each(['/', '/index.html', `/${HARNESS_BRIDGE_FILE}`, '/assets/index.js', '/missing'])(
    'refuses %s to a rebound Host, so the page and its key stay unread',
    async (path) => {
      const { app, key } = setUp();
      for (const host of [`evil.example:${PORT}`, `localhost:${PORT}`, undefined]) {
        const response = await app.request(path, host === undefined ? {} : { headers: { host } });
        expect(response.status, `${path} for Host ${host ?? '(none)'}`).toBe(403);
        expect(await response.text()).not.toContain(key);
      }
    },
  );

  it('serves the page, the bridge and the bundle to its own Host', async () => {
    const { app, key } = setUp();
    const page = await app.request('/', { headers: { host: HOST } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(key);
    for (const path of [`/${HARNESS_BRIDGE_FILE}`, '/assets/index.js']) {
      expect((await app.request(path, { headers: { host: HOST } })).status, path).toBe(200);
    }
  });
});

describe('injectBridge', () => {
  it('puts the key and then the bridge before the first script, with no inline script', () => {
    const key = newHarnessKey();
    const html = injectBridge(INDEX_HTML, key);
    const meta = html.indexOf(`<meta name="${HARNESS_KEY_META}" content="${key}">`);
    const bridge = html.indexOf(`<script src="./${HARNESS_BRIDGE_FILE}"></script>`);
    const bundle = html.indexOf('<script type="module"');
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(bridge);
    expect(bridge).toBeLessThan(bundle);
    // The page's CSP (script-src 'self') is left as it was.
    expect(html).toContain("script-src 'self'\"");
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('refuses a key that would need escaping', () => {
    expect(() => injectBridge(INDEX_HTML, '"><script>')).toThrow(/base64url/);
  });
});

describe('newHarnessKey', () => {
  it('is 32 random bytes in base64url, new for every run', () => {
    const keys = new Set(Array.from({ length: 20 }, newHarnessKey));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('over a real loopback socket', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  /** The app served as startHarness serves it: on 127.0.0.1, its origin known once it listens. */
  async function listen() {
    let origin = '';
    const harness = setUp(() => origin);
    const server = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        }),
    );
    return { ...harness, origin, port };
  }

  /** node:http, because fetch will not send a Host header other than the URL's. */
  function getWithHost(
    port: number,
    path: string,
    host: string,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (data: string) => (body += data));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves the page with its key to its own Host and refuses a rebound one', async () => {
    const { port, key } = await listen();
    const own = await getWithHost(port, '/', `127.0.0.1:${port}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain(key);
    const rebound = await getWithHost(port, '/', `evil.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(key);
  });

  it('refuses a local process that calls without Origin and key, and answers the page', async () => {
    const { origin, key, reached } = await listen();
    const url = `${origin}${REVEAL_PATH}`;
    const stranger = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: REVEAL_BODY,
    });
    await expectFailure(stranger, 403, 'forbidden');
    expect(reached).toEqual([]);

    const page = await fetch(url, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', [HARNESS_KEY_HEADER]: key },
      body: REVEAL_BODY,
    });
    expect(await page.json()).toEqual({ ok: true, value: { secret: SECRET } });
  });
});
