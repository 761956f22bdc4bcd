import { describe, expect, it } from 'vitest';
import { buildApi, type CratekeeperApi } from '../../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES, type CallName, type EventName } from '../../shared/ipc/names';
import { freshly, prefetch, withSharedReads } from './shared-reads';

interface Sent {
  readonly name: CallName;
  readonly input: unknown;
  readonly answer: (value: unknown) => void;
}

/** A bridge whose calls wait until the test answers them, and whose events the test pushes. */
function fakeBridge() {
  const sent: Sent[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api: CratekeeperApi = buildApi(
    CALL_NAMES,
    EVENT_NAMES,
    (name, input) =>
      new Promise((resolve) => {
        sent.push({ name, input, answer: resolve });
      }),
    (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  );
  const push = (name: EventName) => {
    listeners.get(name)?.forEach((listener) => {
      listener(null);
    });
  };
  return { api, sent, push };
}

const LIST = { ok: true, value: { tokens: [], failures: [] } };

describe('withSharedReads', () => {
  it('sends an identical read once while it is in flight, and both askers get its answer', async () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    const first = api.invoke['tokens:list']({});
    const second = api.invoke['tokens:list']({});
    expect(bridge.sent).toHaveLength(1);
    bridge.sent[0]?.answer(LIST);
    await expect(first).resolves.toEqual(LIST);
    await expect(second).resolves.toEqual(LIST);
  });

  it('asks again once the answer is in: a later read is never served an old answer', async () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    const first = api.invoke['tokens:list']({});
    bridge.sent[0]?.answer(LIST);
    await first;
    void api.invoke['tokens:list']({});
    expect(bridge.sent).toHaveLength(2);
  });

  it('keeps reads with different inputs apart', () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    void api.invoke['tokens:list']({});
    void api.invoke['tokens:list']({ expiredDays: 7 });
    expect(bridge.sent.map((call) => call.input)).toEqual([{}, { expiredDays: 7 }]);
  });

  it('does not share across a change the window made: a call sent or answered since', async () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    void api.invoke['crates:overview']({});
    const revoke = api.invoke['tokens:revoke']({ key: 'k' });
    void api.invoke['crates:overview']({});
    expect(bridge.sent.map((call) => call.name)).toEqual([
      'crates:overview',
      'tokens:revoke',
      'crates:overview',
    ]);
    // The revoke's answer is a change too: a read in flight from before it is not joined.
    bridge.sent[1]?.answer({ ok: true, value: {} });
    await revoke;
    void api.invoke['crates:overview']({});
    expect(bridge.sent).toHaveLength(4);
  });

  it('does not share across an event from the core', () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    void api.invoke['tokens:list']({});
    bridge.push('accounts:changed');
    void api.invoke['tokens:list']({});
    expect(bridge.sent).toHaveLength(2);
  });

  it('never shares a call that changes something', () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    void api.invoke['watch:refresh-now']({});
    void api.invoke['watch:refresh-now']({});
    expect(bridge.sent).toHaveLength(2);
  });

  it('passes a failure to every asker, and the next read asks again', async () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api);
    const failed = { ok: false, error: { code: 'network', message: 'offline' } };
    const first = api.invoke['crates:overview']({});
    const second = api.invoke['crates:overview']({});
    bridge.sent[0]?.answer(failed);
    await expect(first).resolves.toEqual(failed);
    await expect(second).resolves.toEqual(failed);
    void api.invoke['crates:overview']({});
    expect(bridge.sent).toHaveLength(2);
  });
});

describe('withSharedReads prefetch', () => {
  it('asks at once, and hands the answer to the first identical read even after it arrived', async () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api, { prefetch: [prefetch('tokens:list', {})] });
    expect(bridge.sent.map((call) => call.name)).toEqual(['tokens:list']);
    bridge.sent[0]?.answer(LIST);
    await Promise.resolve();
    await expect(api.invoke['tokens:list']({})).resolves.toEqual(LIST);
    expect(bridge.sent).toHaveLength(1);
    // Only the first: a later read asks again.
    void api.invoke['tokens:list']({});
    expect(bridge.sent).toHaveLength(2);
  });

  it('asks again when something changed since the prefetch', () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api, { prefetch: [prefetch('tokens:list', {})] });
    bridge.sent[0]?.answer(LIST);
    bridge.push('vault:changed');
    void api.invoke['tokens:list']({});
    expect(bridge.sent).toHaveLength(2);
  });

  it('serves only an identical read', () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api, { prefetch: [prefetch('tokens:list', {})] });
    void api.invoke['tokens:list']({ expiredDays: 30 });
    expect(bridge.sent.map((call) => call.input)).toEqual([{}, { expiredDays: 30 }]);
  });
});

describe('freshly', () => {
  it('sends a read of its own even while an identical one is in flight, and later reads may join it', () => {
    const bridge = fakeBridge();
    const api = withSharedReads(bridge.api, { prefetch: [prefetch('tokens:list', {})] });
    // Refresh pressed while the boot's list is on its way: a call of its own.
    void freshly(() => api.invoke['tokens:list']({}));
    expect(bridge.sent).toHaveLength(2);
    void api.invoke['tokens:list']({});
    expect(bridge.sent).toHaveLength(2);
  });
});
