import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { serveStatic } from '@hono/node-server/serve-static';
import { dispatchCall, type CallHandlers, type DispatchLog } from '../../electron/core/dispatch';
import { failure } from '../../shared/ipc/result';
import type { EventHub } from './event-hub';
import { callGuard, eventStreamGuard, ownHostOnly } from './harness-guard';
import { HARNESS_BRIDGE_FILE, HARNESS_CALL_PATH, HARNESS_EVENTS_PATH } from './paths';
import { BUILT_RENDERER, indexWithBridge, type RendererFiles } from './renderer-files';
import { addWatchRoutes, type HarnessWatchControl } from './watch-routes';

export interface HarnessAppOptions {
  readonly handlers: CallHandlers;
  readonly events: EventHub;
  readonly log: DispatchLog;
  /** The harness's own origin: the only one allowed to call the core. */
  readonly origin: () => string;
  /** This run's key: embedded in the page, required on every call and on the event stream. */
  readonly key: string;
  /** What to serve; the build's output by default. */
  readonly files?: RendererFiles;
  /** The expiry watch's test-only `/__harness` endpoints (recorded tray and notifications, clock). */
  readonly watch?: HarnessWatchControl;
}

/**
 * The harness's HTTP surface: the built renderer, the bridge script, and the
 * contract over loopback. The guards (harness-guard.ts) play the part of
 * Electron's sender-frame check: only our own page may call the core.
 */
export function createHarnessApp(options: HarnessAppOptions): Hono {
  const files = options.files ?? BUILT_RENDERER;
  const guard = { key: options.key, origin: options.origin };
  const app = new Hono();

  // First, for every route: the page itself carries the key.
  app.use('*', ownHostOnly(options.origin));

  app.post(`${HARNESS_CALL_PATH}:name`, callGuard(guard), async (c) => {
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json(failure('invalid-input', 'The call body must be JSON.'), 400);
    }
    return c.json(await dispatchCall(options.handlers, c.req.param('name'), input, options.log));
  });

  app.get(HARNESS_EVENTS_PATH, eventStreamGuard(guard), (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = options.events.subscribe((name, payload) => {
        void stream.writeSSE({ event: name, data: JSON.stringify(payload) });
      });
      stream.onAbort(unsubscribe);
      // Keep the stream open until the page goes away.
      while (!stream.aborted) await stream.sleep(15_000);
      unsubscribe();
    }),
  );

  if (options.watch) addWatchRoutes(app, options.watch, options.origin);

  app.get(`/${HARNESS_BRIDGE_FILE}`, async (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(await readFile(files.bridgePath, 'utf8'));
  });

  // no-store: the page embeds this run's key, which a cached copy would get wrong.
  const sendIndex = async (): Promise<Response> =>
    new Response(await indexWithBridge(files, options.key), {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use('/*', serveStatic({ root: files.dir }));
  return app;
}
