import { readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { newHarnessKey } from '../harness/harness-guard';
import { HARNESS_BRIDGE_FILE, HARNESS_CALL_PATH, HARNESS_KEY_HEADER } from '../harness/paths';
import { BUILT_RENDERER, injectBridge } from '../harness/renderer-files';

const HERE = import.meta.dirname;
/** The only contract calls the baseline page makes, both read-only and secret-free. */
const PASSED_CALLS = new Set(['accounts:list', 'tokens:list']);

/** One TypeScript entry bundled and minified for the browser, as one script. */
export async function bundleForBrowser(entry: string, format: 'esm' | 'iife'): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format,
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild gave nothing for ${entry}`);
  return output.contents;
}

/** The in-page probe (page/probe.ts) as an init script's source, its config first. */
export async function probeScript(fullCountText: string): Promise<string> {
  const probe = await bundleForBrowser(join(HERE, 'page', 'probe.ts'), 'iife');
  return `window.__listBenchConfig = ${JSON.stringify({ fullCountText })};\n${new TextDecoder().decode(probe)}`;
}

export interface BaselineServer {
  /** The baseline page. */
  readonly url: string;
  /** The page's own script (baseline/table.ts, bundled and minified). */
  readonly script: Uint8Array;
  close(): Promise<void>;
}

/**
 * Serves the plain baseline page (baseline/index.html and table.ts) on
 * loopback, with the harness bridge injected as the harness injects it, and
 * passes the page's two contract calls on to the harness: the baseline reads
 * the same 5,000 tokens from the same core, through the same endpoint.
 */
export async function startBaselineServer(harness: {
  readonly url: string;
  readonly key: string;
}): Promise<BaselineServer> {
  const key = newHarnessKey();
  const [html, script, bridge] = await Promise.all([
    readFile(join(HERE, 'baseline', 'index.html'), 'utf8'),
    bundleForBrowser(join(HERE, 'baseline', 'table.ts'), 'esm'),
    readFile(BUILT_RENDERER.bridgePath),
  ]);
  const index = injectBridge(html, key);
  const harnessUrl = new URL(harness.url);

  const send = (response: ServerResponse, type: string, body: string | Uint8Array) => {
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(body);
  };

  const passOn = (incoming: IncomingMessage, response: ServerResponse, body: Buffer) => {
    const upstream = request(
      new URL(incoming.url ?? '/', harnessUrl),
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': body.length,
          Origin: harnessUrl.origin,
          [HARNESS_KEY_HEADER]: harness.key,
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, {
          'Content-Type': answer.headers['content-type'] ?? 'application/json',
        });
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      response.writeHead(502).end(String(error));
    });
    upstream.end(body);
  };

  const server = createServer((incoming, response) => {
    const path = new URL(incoming.url ?? '/', 'http://localhost').pathname;
    if (incoming.method === 'GET' && (path === '/' || path === '/index.html')) {
      send(response, 'text/html; charset=utf-8', index);
    } else if (incoming.method === 'GET' && path === '/table.js') {
      send(response, 'text/javascript; charset=utf-8', script);
    } else if (incoming.method === 'GET' && path === `/${HARNESS_BRIDGE_FILE}`) {
      send(response, 'text/javascript; charset=utf-8', bridge);
    } else if (
      incoming.method === 'POST' &&
      path.startsWith(HARNESS_CALL_PATH) &&
      PASSED_CALLS.has(decodeURIComponent(path.slice(HARNESS_CALL_PATH.length))) &&
      incoming.headers[HARNESS_KEY_HEADER.toLowerCase()] === key
    ) {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        passOn(incoming, response, Buffer.concat(chunks));
      });
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
