import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../shared/domain/account';
import { EVENT_NAMES, ipcEvents } from '../shared/ipc/contract';
import { mainWindowEventSink } from './event-sink';
import { FakeSession, FakeWebContents } from './test-support/fake-electron';

const account: Account = {
  id: 'crates.io#1',
  registry: { name: 'crates-io', baseUrl: 'https://crates.io' },
  userId: 1,
  login: 'ferris',
  displayName: 'Ferris',
  avatarUrl: null,
  status: 'signed-in',
};

/** An event whose payload is a list of accounts (the account-list event). */
const accountsEvent = EVENT_NAMES.find(
  (name) => ipcEvents[name].payload.safeParse([account]).success,
);

function setUp() {
  const contents = new FakeWebContents(new FakeSession(null));
  const log = { error: vi.fn() };
  let open = true;
  const sink = mainWindowEventSink(() => (open ? contents : null), log);
  return { contents, log, sink, close: () => (open = false) };
}

describe('mainWindowEventSink', () => {
  it('sends contract events to the main window with only the declared fields', () => {
    const { contents, sink } = setUp();
    expect(accountsEvent).toBeDefined();
    if (!accountsEvent) return;
    sink.emit(accountsEvent, [{ ...account, sessionCookie: 'secret' }]);
    expect(contents.sent).toEqual([{ channel: accountsEvent, payload: [account] }]);
  });

  it('drops events that are not in the contract or do not match it', () => {
    const { contents, sink, log } = setUp();
    sink.emit('not:an-event', []);
    if (accountsEvent) sink.emit(accountsEvent, [{ id: 42 }]);
    expect(contents.sent).toEqual([]);
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(log.error.mock.calls)).not.toContain('42');
  });

  it('sends nothing while no window is open', () => {
    const { contents, sink, close } = setUp();
    close();
    if (accountsEvent) sink.emit(accountsEvent, []);
    expect(contents.sent).toEqual([]);
  });
});
