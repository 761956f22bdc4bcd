import type { Hono } from 'hono';
import { z } from 'zod';
import { failure } from '../../shared/ipc/result';
import { controlPostGuard, loopbackClientsOnly } from './harness-guard';
import type { WatchRecorder } from './watch-recorder';

export const HARNESS_CONTROL_PREFIX = '/__harness';

/** What the `/__harness` endpoints act on. */
export interface HarnessWatchControl {
  readonly recorder: WatchRecorder;
  /**
   * Moves the core's and the simulator's clocks together and runs the
   * scheduler; resolves once it has acted. Null when the harness was given a
   * clock of its own, which it cannot move.
   */
  readonly moveClock: ((now: Date) => Promise<void>) | null;
  /** Has the watch look once, so the tray has a view. */
  readonly check: () => Promise<void>;
}

const clockBodySchema = z.strictObject({ now: z.iso.datetime({ offset: true }) });
const clickBodySchema = z.strictObject({ index: z.int().min(0) });

async function readBody<T>(
  request: { json(): Promise<unknown> },
  schema: z.ZodType<T>,
): Promise<T | null> {
  try {
    const parsed = schema.safeParse(await request.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The test-only endpoints of the expiry watch, for the Playwright specs and
 * the acceptance checks that drive `npm run preview`:
 * - `GET /__harness/notifications`: every notification shown since start, oldest first.
 * - `GET /__harness/tray`: `{ state, tooltip, menu: [labels] }`.
 * - `POST /__harness/clock` `{ now }`: moves both clocks, answers once the scheduler acted.
 * - `POST /__harness/notifications/click` `{ index }`: clicks notification N.
 */
export function addWatchRoutes(
  app: Hono,
  control: HarnessWatchControl,
  origin: () => string,
): void {
  const base = HARNESS_CONTROL_PREFIX;
  app.use(`${base}/*`, loopbackClientsOnly());

  app.get(`${base}/notifications`, (c) => c.json(control.recorder.notifications()));

  app.get(`${base}/tray`, async (c) => {
    if (!control.recorder.trayView()) await control.check();
    const view = control.recorder.trayView();
    return view ? c.json(view) : c.json(failure('not-found', 'The tray has no view yet.'), 404);
  });

  app.post(`${base}/clock`, controlPostGuard(origin), async (c) => {
    const body = await readBody(c.req, clockBodySchema);
    if (!body) {
      return c.json(failure('invalid-input', 'Send { "now": "<RFC 3339 time>" }.'), 400);
    }
    if (!control.moveClock) {
      return c.json(failure('invalid-input', 'This harness runs on a clock it cannot move.'), 409);
    }
    const now = new Date(body.now);
    await control.moveClock(now);
    return c.json({ now: now.toISOString() });
  });

  app.post(`${base}/notifications/click`, controlPostGuard(origin), async (c) => {
    const body = await readBody(c.req, clickBodySchema);
    if (!body) return c.json(failure('invalid-input', 'Send { "index": N }.'), 400);
    if (!control.recorder.click(body.index)) {
      return c.json(failure('not-found', `There is no notification ${body.index}.`), 404);
    }
    return c.json({ clicked: body.index });
  });
}
