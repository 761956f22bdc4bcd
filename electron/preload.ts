import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, buildApi, type CratekeeperApi } from '../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES } from '../shared/ipc/names';

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
    return () => {
      ipcRenderer.removeListener(name, forward);
    };
  },
);

contextBridge.exposeInMainWorld(API_GLOBAL, api);
