/** Names shared by the harness server and its page-side bridge. */
export const HARNESS_CALL_PATH = '/__ipc/call/';
export const HARNESS_EVENTS_PATH = '/__ipc/events';
export const HARNESS_BRIDGE_FILE = 'harness-bridge.js';
/** The `<meta name>` that carries the run's key into the page, for the bridge to read. */
export const HARNESS_KEY_META = 'cratekeeper-harness-key';
/** The header the bridge sends the key in on every call. */
export const HARNESS_KEY_HEADER = 'X-Cratekeeper-Harness-Key';
/** The event stream's query parameter for the key (EventSource cannot send headers). */
export const HARNESS_KEY_PARAM = 'key';
/** The harness's stand-in for the app's sign-in window: a pop-up of the page at this path + id. */
export const HARNESS_SIGN_IN_PATH = '/__harness/sign-in/';
/** Harness-only events on the page's stream: open the sign-in pop-up, and close it again. */
export const HARNESS_SIGN_IN_OPEN_EVENT = 'harness:sign-in-open';
export const HARNESS_SIGN_IN_DONE_EVENT = 'harness:sign-in-done';
/** The payload of both: which sign-in, and (to open) the pop-up's URL on the harness. */
export interface SignInPopupEvent {
  readonly id: string;
  readonly url?: string;
}
