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
