import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { serveStatic } from '@hono/node-server/serve-static';
import { dispatchCall, type CallHandlers, type DispatchLog } from '../../electron/core/dispatch';
import { failure } from '../../shared/ipc/result';
import type { EventHub } from './event-hub';
import { HARNESS_BRIDGE_FILE, HARNESS_CALL_PATH, HARNESS_EVENTS_PATH } from './paths';
import { BRIDGE_PATH, RENDERER_DIR, indexWithBridge } from './renderer-files';

export interface HarnessAppOptions {
  readonly handlers: CallHandlers;
  readonly events: EventHub;
  readonly log: DispatchLog;
  /** The harness's own origin: the only one allowed to call the core. */
  readonly origin: () => string;
}

/**
 * The harness's HTTP surface: the built renderer, the bridge script, and the
 * contract over loopback. The origin check plays the part of Electron's
 * sender-frame check: only our own page may call the core.
 */
export function createHarnessApp(options: HarnessAppOptions): Hono {
  const app = new Hono();

  app.post(`${HARNESS_CALL_PATH}:name`, async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== options.origin()) {
      return c.json(failure('forbidden', 'Calls are accepted from the harness page only.'), 403);
    }
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json(failure('invalid-input', 'The call body must be JSON.'), 400);
    }
    return c.json(await dispatchCall(options.handlers, c.req.param('name'), input, options.log));
  });

  app.get(HARNESS_EVENTS_PATH, (c) =>
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

  app.get(`/${HARNESS_BRIDGE_FILE}`, async (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(await readFile(BRIDGE_PATH, 'utf8'));
  });

  const sendIndex = async (): Promise<Response> =>
    new Response(await indexWithBridge(), {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use('/*', serveStatic({ root: RENDERER_DIR }));
  return app;
}
