import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { dispatchCall } from '../dispatch';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import type { LoginItemPort } from '../watch-ports';
import { settingsHandlers } from './settings-handlers';
import type { CallHandlers } from '../dispatch';

function setUp(loginItem: LoginItemPort = { supported: true, set: () => Promise.resolve() }) {
  const store = new MemoryMetadataStore();
  const changes: [Settings, Settings][] = [];
  const loginCalls: boolean[] = [];
  const handlers = settingsHandlers({
    store,
    loginItem: {
      supported: loginItem.supported,
      set: async (value) => {
        loginCalls.push(value);
        await loginItem.set(value);
      },
    },
    keepInTrayDefault: false,
    changed: (before, after) => {
      changes.push([before, after]);
    },
  });
  // Through the dispatcher, as the renderer calls it: the contract validates first.
  const call = (name: string, input: unknown) =>
    dispatchCall(handlers as unknown as CallHandlers, name, input, { error: () => undefined });
  return { store, changes, loginCalls, call };
}

describe('settings:get', () => {
  it('answers the stored settings and what null resolves to here', async () => {
    const { call } = setUp();
    expect(await call('settings:get', {})).toEqual({
      ok: true,
      value: {
        settings: DEFAULT_SETTINGS,
        keepInTrayDefault: false,
        startAtLoginSupported: true,
        cargoHomeInUse: null,
      },
    });
  });
});

describe('settings:update', () => {
  it('stores a valid patch, warning days widest first, and tells the watch', async () => {
    const { call, store, changes } = setUp();
    const answer = await call('settings:update', {
      patch: { warningDays: [2, 10], refreshIntervalHours: 12, notificationsEnabled: false },
    });
    expect(answer.ok).toBe(true);
    expect(store.get('settings')).toEqual({
      ...DEFAULT_SETTINGS,
      warningDays: [10, 2],
      refreshIntervalHours: 12,
      notificationsEnabled: false,
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.[0]).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ warningDays: [] }],
    [{ warningDays: [7, 7] }],
    [{ warningDays: [0] }],
    [{ warningDays: [1, 2, 3, 4, 5, 6, 7] }],
    [{ refreshIntervalHours: 0 }],
    [{ refreshIntervalHours: 49 }],
    [{ refreshIntervalHours: 1.5 }],
    [{ clipboardClearSeconds: 4 }],
    [{ vaultIdleLockMinutes: 24 * 60 + 1 }],
    [{ keepInTray: 'yes' }],
    [{ cargoHome: '' }],
    [{ unknownSetting: true }],
  ])('refuses %j and changes nothing', async (patch) => {
    const { call, store, changes } = setUp();
    const answer = await call('settings:update', { patch });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(store.get('settings')).toEqual(DEFAULT_SETTINGS);
    expect(changes).toEqual([]);
  });

  it('sets the login item before storing, and stores nothing when that fails', async () => {
    const ok = setUp();
    await ok.call('settings:update', { patch: { startAtLogin: true } });
    expect(ok.loginCalls).toEqual([true]);
    expect(ok.store.get('settings').startAtLogin).toBe(true);
    // Unchanged: the login item is left alone.
    await ok.call('settings:update', { patch: { startAtLogin: true, keepInTray: true } });
    expect(ok.loginCalls).toEqual([true]);

    const failing = setUp({ supported: true, set: () => Promise.reject(new Error('denied')) });
    const answer = await failing.call('settings:update', { patch: { startAtLogin: true } });
    expect(answer.ok).toBe(false);
    expect(failing.store.get('settings').startAtLogin).toBe(false);
  });

  it('refuses start at login where it cannot be set', async () => {
    const { call, store } = setUp({ supported: false, set: () => Promise.resolve() });
    const answer = await call('settings:update', { patch: { startAtLogin: true } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(store.get('settings').startAtLogin).toBe(false);
  });
});
