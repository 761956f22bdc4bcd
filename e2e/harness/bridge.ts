/**
 * The browser harness's stand-in for the Electron preload: it gives the page
 * the same `window.cratekeeper` API, built from the same contract table, but
 * carried over loopback HTTP (calls) and server-sent events (events). It is
 * injected by the harness server only; the app's renderer bundle never has it.
 */
import { API_GLOBAL, buildApi, type Unsubscribe } from '../../shared/ipc/api';
// The names only, not contract.ts: the bridge validates nothing (the core's
// dispatch does, as in Electron), so zod and the schemas stay out of it.
import { CALL_NAMES, EVENT_NAMES, type EventName } from '../../shared/ipc/names';
import {
  HARNESS_CALL_PATH,
  HARNESS_EVENTS_PATH,
  HARNESS_KEY_HEADER,
  HARNESS_KEY_META,
  HARNESS_KEY_PARAM,
  HARNESS_SIGN_IN_DONE_EVENT,
  HARNESS_SIGN_IN_OPEN_EVENT,
  type SignInPopupEvent,
} from './paths';
import { closeSignInPopup, openSignInPopup } from './sign-in-popup-opener';

/**
 * The run's key, from the `<meta>` tag the harness puts just before this
 * script (so it is already parsed). The tag is removed once read: the key
 * lives on only in this closure, not in anything that serialises the DOM.
 */
function takeHarnessKey(): string {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${HARNESS_KEY_META}"]`);
  meta?.remove();
  return meta?.content ?? '';
}

const harnessKey = takeHarnessKey();

async function send(name: string, input: unknown): Promise<unknown> {
  try {
    const response = await fetch(`${HARNESS_CALL_PATH}${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [HARNESS_KEY_HEADER]: harnessKey },
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
  // EventSource cannot send headers, so the stream takes the key in its URL.
  const query = new URLSearchParams({ [HARNESS_KEY_PARAM]: harnessKey });
  source = new EventSource(`${HARNESS_EVENTS_PATH}?${query.toString()}`);
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (event: MessageEvent<string>) => {
      const payload: unknown = JSON.parse(event.data);
      listeners.get(name)?.forEach((listener) => {
        listener(payload);
      });
    });
  }
  // The harness's stand-in for the app's sign-in window (sign-in-popup.ts).
  source.addEventListener(HARNESS_SIGN_IN_OPEN_EVENT, (event: MessageEvent<string>) => {
    openSignInPopup(JSON.parse(event.data) as SignInPopupEvent);
  });
  source.addEventListener(HARNESS_SIGN_IN_DONE_EVENT, (event: MessageEvent<string>) => {
    closeSignInPopup(JSON.parse(event.data) as SignInPopupEvent);
  });
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
