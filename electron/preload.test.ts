import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, type CratekeeperApi } from '../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES } from '../shared/ipc/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn((_channel: string, _input: unknown) => Promise.resolve({ ok: true, value: 1 })),
      on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn(
        (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      ),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

// Mock call records are cleared between tests, so the one import is recorded here.
let exposed: unknown[][] = [];
let api: CratekeeperApi;

beforeAll(async () => {
  await import('./preload');
  exposed = [...electron.contextBridge.exposeInMainWorld.mock.calls];
  api = exposed[0]?.[1] as CratekeeperApi;
});

describe('the preload', () => {
  it('exposes one object under the contract’s global name, once', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe(API_GLOBAL);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('has exactly the contract’s calls and events, as functions', () => {
    expect(Object.keys(api.invoke).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(api.subscribe).sort()).toEqual([...EVENT_NAMES].sort());
    for (const method of [...Object.values(api.invoke), ...Object.values(api.subscribe)]) {
      expect(typeof method).toBe('function');
    }
  });

  it('invokes the channel of the same name with the input', async () => {
    for (const name of CALL_NAMES) {
      const call = api.invoke[name] as (input: unknown) => Promise<unknown>;
      await expect(call({})).resolves.toEqual({ ok: true, value: 1 });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(name, {});
    }
  });

  it('hands subscribers the payload only, and unsubscribes', () => {
    for (const name of EVENT_NAMES) {
      const received: unknown[][] = [];
      const subscribe = api.subscribe[name] as (
        listener: (...args: unknown[]) => void,
      ) => () => void;
      const unsubscribe = subscribe((...args) => received.push(args));
      for (const listener of electron.listeners.get(name) ?? []) {
        listener({ sender: 'the ipcRenderer event' }, ['payload']);
      }
      expect(received).toEqual([[['payload']]]);
      unsubscribe();
      expect(electron.listeners.get(name)?.size ?? 0).toBe(0);
    }
  });

  it('never exposes ipcRenderer itself', () => {
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
    expect(exposed[0]?.[1]).not.toBe(electron.ipcRenderer);
  });
});
