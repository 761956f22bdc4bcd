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

/** The main process sends an event: every ipcRenderer listener of that channel gets it. */
function emit(channel: string, payload: unknown): void {
  for (const listener of [...(electron.listeners.get(channel) ?? [])]) {
    listener({ sender: 'the ipcRenderer event' }, payload);
  }
}

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
      const before = electron.listeners.get(name)?.size ?? 0;
      const unsubscribe = subscribe((...args) => received.push(args));
      emit(name, ['payload']);
      expect(received).toEqual([[['payload']]]);
      unsubscribe();
      expect(electron.listeners.get(name)?.size ?? 0).toBe(before);
    }
  });

  it('holds an app:navigate sent before the page listens, for the first listener only', () => {
    emit('app:navigate', { to: 'tokens', tokenKey: 'early' });
    emit('app:navigate', { to: 'tokens', tokenKey: 'latest' });
    const first: unknown[] = [];
    const unsubscribe = api.subscribe['app:navigate']((payload) => first.push(payload));
    expect(first).toEqual([{ to: 'tokens', tokenKey: 'latest' }]);
    // Once delivered it is gone; while someone listens nothing is held.
    emit('app:navigate', { to: 'settings' });
    expect(first).toEqual([{ to: 'tokens', tokenKey: 'latest' }, { to: 'settings' }]);
    unsubscribe();
    const second: unknown[] = [];
    api.subscribe['app:navigate']((payload) => second.push(payload))();
    expect(second).toEqual([]);
  });

  it('holds nothing else: other events sent before anyone listens are dropped', () => {
    emit('watch:changed', {
      state: 'ok',
      items: [],
      tokenCounts: { broken: 0, expiring: 0 },
      refreshedAt: null,
    });
    const received: unknown[] = [];
    api.subscribe['watch:changed']((payload) => received.push(payload))();
    expect(received).toEqual([]);
  });

  it('never exposes ipcRenderer itself', () => {
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
    expect(exposed[0]?.[1]).not.toBe(electron.ipcRenderer);
  });
});
