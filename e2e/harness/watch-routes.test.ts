import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallHandlers } from '../../electron/core/dispatch';
import { createHarnessApp } from './app';
import { EventHub } from './event-hub';
import { newHarnessKey } from './harness-guard';
import { HARNESS_BRIDGE_FILE } from './paths';
import type { RendererFiles } from './renderer-files';
import { startHarness, type RunningHarness } from './harness';
import { WatchRecorder, type RecordedNotification, type RecordedTray } from './watch-recorder';

const HOUR_MS = 60 * 60 * 1000;
const ORIGIN = 'http://127.0.0.1:5199';
const HOST = '127.0.0.1:5199';

/** A stand-in for the renderer build, so these tests need no `npm run build:renderer`. */
function fakeRendererFiles(): RendererFiles {
  const dir = mkdtempSync(join(tmpdir(), 'cratekeeper-watch-routes-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  mkdirSync(join(dir, 'assets'));
  const bridgePath = join(dir, HARNESS_BRIDGE_FILE);
  writeFileSync(bridgePath, '/* bridge */');
  return { dir, bridgePath };
}
const FILES = fakeRendererFiles();

/** The harness app with a recorder the test fills, and a clock it watches move. */
function setUp() {
  let now = new Date('2026-03-01T09:00:00Z');
  const recorder = new WatchRecorder({ now: () => now });
  const moves: string[] = [];
  const clicks: string[] = [];
  const app = createHarnessApp({
    handlers: {} as CallHandlers,
    events: new EventHub(),
    log: { error: () => undefined },
    origin: () => ORIGIN,
    key: newHarnessKey(),
    files: FILES,
    watch: {
      recorder,
      moveClock: async (to) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        now = to;
        moves.push(to.toISOString());
      },
      check: () => {
        recorder.tray.show({
          state: 'attention',
          tooltip: 'Cratekeeper: 1 token expiring',
          menu: [
            { kind: 'item', label: 'quill: expires within 7 days', onClick: () => undefined },
            { kind: 'separator' },
            { kind: 'item', label: 'Open Cratekeeper', onClick: () => undefined },
          ],
        });
        return Promise.resolve();
      },
    },
  });
  void recorder.notifier.show(
    {
      title: "'quill' expires within 7 days",
      body: 'It expires soon.',
      tokens: [{ key: 'a#1/1', name: 'quill', threshold: '7d' }],
    },
    () => clicks.push('quill'),
  );
  /** A request from a client at `address` (loopback unless said otherwise). */
  interface Sent {
    readonly method?: string;
    readonly headers?: Record<string, string>;
    readonly body?: string;
  }
  const send = (path: string, init: Sent = {}, address = '127.0.0.1') =>
    app.request(
      path,
      {
        method: init.method ?? 'GET',
        headers: { host: HOST, ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
      },
      { incoming: { socket: { remoteAddress: address } } },
    );
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return { send, post, moves, clicks };
}

describe('/__harness endpoints', () => {
  it('answers the notifications shown, oldest first, in the agreed shape', async () => {
    const { send } = setUp();
    const response = await send('/__harness/notifications');
    expect(response.status).toBe(200);
    expect((await response.json()) as RecordedNotification[]).toEqual([
      {
        title: "'quill' expires within 7 days",
        body: 'It expires soon.',
        shownAt: '2026-03-01T09:00:00.000Z',
        tokens: [{ key: 'a#1/1', name: 'quill', threshold: '7d' }],
      },
    ]);
  });

  it('answers the tray as state, tooltip and menu labels (no separators)', async () => {
    const { send } = setUp();
    expect((await (await send('/__harness/tray')).json()) as RecordedTray).toEqual({
      state: 'attention',
      tooltip: 'Cratekeeper: 1 token expiring',
      menu: ['quill: expires within 7 days', 'Open Cratekeeper'],
    });
  });

  it('moves the clock and answers only after the harness acted', async () => {
    const { post, moves } = setUp();
    const response = await post('/__harness/clock', { now: '2026-03-05T10:00:00+01:00' });
    expect(response.status).toBe(200);
    expect(moves).toEqual(['2026-03-05T09:00:00.000Z']);
    expect(await response.json()).toEqual({ now: '2026-03-05T09:00:00.000Z' });
  });

  it('clicks a notification by index, and says when there is none', async () => {
    const { post, clicks } = setUp();
    expect((await post('/__harness/notifications/click', { index: 0 })).status).toBe(200);
    expect(clicks).toEqual(['quill']);
    expect((await post('/__harness/notifications/click', { index: 1 })).status).toBe(404);
  });

  it('refuses bodies that are not what it takes', async () => {
    const { post, moves } = setUp();
    expect((await post('/__harness/clock', { now: 'tomorrow' })).status).toBe(400);
    expect((await post('/__harness/clock', { now: '2026-03-05T10:00:00Z', x: 1 })).status).toBe(
      400,
    );
    expect((await post('/__harness/notifications/click', { index: -1 })).status).toBe(400);
    expect(moves).toEqual([]);
  });

  it('answers loopback clients addressed by the right Host only', async () => {
    const { send } = setUp();
    expect((await send('/__harness/notifications', {}, '192.168.1.20')).status).toBe(403);
    expect((await send('/__harness/tray', {}, '10.0.0.1')).status).toBe(403);
    expect(
      (await send('/__harness/notifications', { headers: { host: 'evil.example:5199' } })).status,
    ).toBe(403);
    expect((await send('/__harness/notifications', {}, '::ffff:127.0.0.1')).status).toBe(200);
  });

  it('takes no state change from another site: a foreign Origin or a non-JSON body', async () => {
    const { post, send, moves, clicks } = setUp();
    const foreign = await post(
      '/__harness/clock',
      { now: '2026-03-05T10:00:00Z' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const form = await send('/__harness/notifications/click', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"index":0}',
    });
    expect(form.status).toBe(415);
    expect(moves).toEqual([]);
    expect(clicks).toEqual([]);
    // Its own page may.
    expect(
      (await post('/__harness/clock', { now: '2026-03-05T10:00:00Z' }, { origin: ORIGIN })).status,
    ).toBe(200);
  });
});

describe('the harness with the demo seed', () => {
  let running: RunningHarness | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  async function get<T>(harness: RunningHarness, path: string): Promise<T> {
    const response = await fetch(new URL(path, harness.url));
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }
  async function post(harness: RunningHarness, path: string, body: unknown): Promise<Response> {
    return fetch(new URL(path, harness.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('moves both clocks, records what the watch shows, navigates on a click, and repeats nothing after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cratekeeper-watch-harness-'));
    const harness = await startHarness({ dataDir, files: FILES });
    running = harness;
    // Before any page opens, the tokens were listed as the page lists them, and looked at.
    const tray = await get<RecordedTray>(harness, '/__harness/tray');
    expect(tray.state).toBe('attention');
    expect(tray.menu.slice(-4)).toEqual(['Open Cratekeeper', 'Refresh now', 'Settings', 'Quit']);
    const atStart = await get<RecordedNotification[]>(harness, '/__harness/notifications');
    expect(atStart).toHaveLength(1);
    expect(atStart[0]?.title).toBe('4 tokens expire within 14 days');

    const later = new Date(Date.now() + 13 * HOUR_MS);
    expect((await post(harness, '/__harness/clock', { now: later.toISOString() })).status).toBe(
      200,
    );
    const simClock = (await (await fetch(`${harness.simulator.url}/__control/clock`)).json()) as {
      now: string;
    };
    expect(Math.abs(Date.parse(simClock.now) - later.getTime())).toBeLessThan(5_000);
    const shown = await get<RecordedNotification[]>(harness, '/__harness/notifications');
    // hotfix expired on the cached list; the refresh that was due then brought the registry's
    // expired history, where yank bot expired six days ago: late, but announced once.
    expect(shown).toHaveLength(3);
    expect(shown[1]?.tokens).toEqual([
      expect.objectContaining({ name: 'hotfix (expires today)', threshold: 'expired' }),
    ]);
    expect(shown[2]?.tokens).toEqual([
      expect.objectContaining({ name: 'yank bot', threshold: 'expired' }),
    ]);
    expect((await get<RecordedTray>(harness, '/__harness/tray')).state).toBe('alert');

    expect((await post(harness, '/__harness/notifications/click', { index: 1 })).status).toBe(200);
    expect(harness.events.recorded.at(-1)).toMatchObject({
      name: 'app:navigate',
      payload: { to: 'tokens', tokenKey: shown[1]?.tokens[0]?.key },
    });

    // Restarted on the same folder: the simulator comes back on its port, nothing is repeated.
    const simulatorUrl = harness.simulator.url;
    await harness.close();
    running = null;
    const again = await startHarness({ dataDir, files: FILES });
    running = again;
    expect(again.simulator.url).toBe(simulatorUrl);
    expect(await post(again, '/__harness/clock', { now: later.toISOString() })).toMatchObject({
      status: 200,
    });
    expect(await get<RecordedNotification[]>(again, '/__harness/notifications')).toEqual([]);
  });
});
