import { describe, expect, it } from 'vitest';
import { buildApi } from './api';
import { CALL_NAMES, EVENT_NAMES, ipcCalls, ipcEvents, isCallName, isEventName } from './contract';

describe('the IPC contract', () => {
  it('names every call room:verb and gives it input and output schemas', () => {
    for (const name of CALL_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(ipcCalls[name].input).toHaveProperty('safeParse');
      expect(ipcCalls[name].output).toHaveProperty('safeParse');
    }
  });

  it('refuses extra keys in call input (strict schemas)', () => {
    expect(ipcCalls['tokens:list'].input.safeParse({ expiredDays: 30 }).success).toBe(true);
    expect(ipcCalls['tokens:list'].input.safeParse({ expiredDays: 30, cookie: 'x' }).success).toBe(
      false,
    );
    expect(ipcCalls['tokens:list'].input.safeParse({ expiredDays: -1 }).success).toBe(false);
  });

  it('knows its own names and nothing inherited', () => {
    expect(isCallName('tokens:list')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
  });

  it('lists exactly the names of its tables', () => {
    expect(Object.keys(ipcCalls).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(ipcEvents).sort()).toEqual([...EVENT_NAMES].sort());
    expect(isEventName('vault:changed')).toBe(true);
    expect(isEventName('constructor')).toBe(false);
    for (const name of EVENT_NAMES) expect(ipcEvents[name].payload).toHaveProperty('safeParse');
  });

  it('builds an API with exactly one method per call and one subscription per event', async () => {
    const sent: [string, unknown][] = [];
    const api = buildApi(
      CALL_NAMES,
      EVENT_NAMES,
      (name, input) => {
        sent.push([name, input]);
        return Promise.resolve({ ok: true, value: [] });
      },
      () => () => undefined,
    );
    expect(Object.keys(api.invoke).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(api.subscribe).sort()).toEqual([...EVENT_NAMES].sort());
    await api.invoke['accounts:list']({});
    expect(sent).toEqual([['accounts:list', {}]]);
  });
});
