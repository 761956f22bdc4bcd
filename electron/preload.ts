import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, buildApi, type CratekeeperApi } from '../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES, type EventName } from '../shared/ipc/names';

/**
 * Events that may come before the page listens: a notification or tray item
 * opens a new window on a token, and the main process sends `app:navigate`
 * once the page has loaded, which can be before React has subscribed. The
 * last one is held here and handed to the first listener.
 */
const HELD_UNTIL_LISTENED: readonly EventName[] = ['app:navigate'];
const listening = new Map<EventName, number>();
const held = new Map<EventName, unknown>();
for (const name of HELD_UNTIL_LISTENED) {
  ipcRenderer.on(name, (_event: IpcRendererEvent, payload: unknown) => {
    if (!listening.get(name)) held.set(name, payload);
  });
}

/**
 * The page's only way to the main process: one method per contract call and
 * one subscription per contract event, never `ipcRenderer` itself (Electron
 * security checklist, "Do not expose Electron APIs to untrusted web content").
 * The annotation makes a missing call or event a compile error.
 */
const api: CratekeeperApi = buildApi(
  CALL_NAMES,
  EVENT_NAMES,
  (name, input) => ipcRenderer.invoke(name, input) as Promise<unknown>,
  (name, listener) => {
    // The IPC event object stays here: it carries `sender`, which is ipcRenderer.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload);
    };
    ipcRenderer.on(name, forward);
    listening.set(name, (listening.get(name) ?? 0) + 1);
    if (held.has(name)) {
      const payload = held.get(name);
      held.delete(name);
      // At once, not later: a listener that unsubscribes right away (React's
      // strict mode runs effects twice) must not lose it.
      listener(payload);
    }
    return () => {
      ipcRenderer.removeListener(name, forward);
      listening.set(name, (listening.get(name) ?? 1) - 1);
    };
  },
);

contextBridge.exposeInMainWorld(API_GLOBAL, api);
