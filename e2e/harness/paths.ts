/** URL paths shared by the harness server and its page-side bridge. */
export const HARNESS_CALL_PATH = '/__ipc/call/';
export const HARNESS_EVENTS_PATH = '/__ipc/events';
export const HARNESS_BRIDGE_FILE = 'harness-bridge.js';
