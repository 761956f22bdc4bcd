/**
 * The browser harness's stand-in for the Electron preload: it gives the page
 * the same `window.cratekeeper` API, built from the same contract table, but
 * carried over loopback HTTP (calls) and server-sent events (events). It is
 * injected by the harness server only; the app's renderer bundle never has it.
 */
import { API_GLOBAL, buildApi, type Unsubscribe } from '../../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES, type EventName } from '../../shared/ipc/contract';
import { HARNESS_CALL_PATH, HARNESS_EVENTS_PATH } from './paths';

async function send(name: string, input: unknown): Promise<unknown> {
  try {
    const response = await fetch(`${HARNESS_CALL_PATH}${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as unknown;
  } catch {
    return { ok: false, error: { code: 'network', message: 'The harness is not answering.' } };
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource(HARNESS_EVENTS_PATH);
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (event: MessageEvent<string>) => {
      const payload: unknown = JSON.parse(event.data);
      listeners.get(name)?.forEach((listener) => {
        listener(payload);
      });
    });
  }
}

function listen(name: EventName, listener: (payload: unknown) => void): Unsubscribe {
  ensureEventSource();
  const set = listeners.get(name) ?? new Set();
  set.add(listener);
  listeners.set(name, set);
  return () => {
    set.delete(listener);
  };
}

Object.defineProperty(window, API_GLOBAL, {
  value: Object.freeze(buildApi(CALL_NAMES, EVENT_NAMES, send, listen)),
  writable: false,
  configurable: false,
});
