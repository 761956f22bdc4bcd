import { describe, expect, it, vi } from 'vitest';
import type { DesktopNotification, Timers } from '../core/watch-ports';
import { createFakeElectron, type FakeNotification } from '../test-support/fake-electron';
import { ElectronNotifier, type NotifierElectron } from './electron-notifier';

const warning: DesktopNotification = {
  title: '3 tokens expire within 7 days',
  body: "'CI: quill', 'docs' and 'release'",
  tokens: [
    { key: 'a', name: 'CI: quill', threshold: '7d' },
    { key: 'b', name: 'docs', threshold: '7d' },
    { key: 'c', name: 'release', threshold: '7d' },
  ],
};

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout(callback) {
      const id = next++;
      pending.set(id, callback);
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const fireAll = (): void => {
    for (const [id, callback] of [...pending]) {
      pending.delete(id);
      callback();
    }
  };
  return { timers, pending, fireAll };
}

function setUp(platform: NodeJS.Platform = 'linux') {
  const fake = createFakeElectron();
  const clock = manualTimers();
  const log = { warn: vi.fn() };
  const notifier = new ElectronNotifier(fake as unknown as NotifierElectron, {
    platform,
    timers: clock.timers,
    log,
  });
  const last = (): FakeNotification => {
    const shown = fake.Notification.created.at(-1);
    if (!shown) throw new Error('no notification was made');
    return shown;
  };
  return { fake, notifier, clock, log, last };
}

describe('ElectronNotifier', () => {
  it('shows the title and body and resolves true once the OS shows it', async () => {
    const { notifier, last } = setUp();
    const result = notifier.show(warning, vi.fn());
    expect(last().options).toMatchObject({ title: warning.title, body: warning.body });
    expect(last().shown).toHaveBeenCalledOnce();
    last().emit('show', {});
    await expect(result).resolves.toBe(true);
  });

  it('resolves false when the OS refuses it (unsigned macOS build), and lets it go', async () => {
    const { notifier, last, log } = setUp('darwin');
    const result = notifier.show(warning, vi.fn());
    last().emit('failed', {}, 'Notifications require a code-signed app');
    await expect(result).resolves.toBe(false);
    expect(notifier.liveCount).toBe(0);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('code-signed'));
  });

  it('resolves false at once where notifications are not supported', async () => {
    const { fake, notifier } = setUp();
    fake.Notification.supported = false;
    await expect(notifier.show(warning, vi.fn())).resolves.toBe(false);
    expect(fake.Notification.created).toEqual([]);
  });

  it('takes silence as shown after a while (some Linux daemons never confirm)', async () => {
    const { notifier, clock } = setUp();
    const result = notifier.show(warning, vi.fn());
    clock.fireAll();
    await expect(result).resolves.toBe(true);
  });

  it('stops waiting once shown', async () => {
    const { notifier, clock, last } = setUp();
    const result = notifier.show(warning, vi.fn());
    last().emit('show', {});
    await result;
    expect(clock.pending.size).toBe(0);
  });

  it('runs the click handler on a click, once', async () => {
    const { notifier, last } = setUp('win32');
    const onClick = vi.fn();
    const result = notifier.show(warning, onClick);
    last().emit('show', {});
    await result;
    last().emit('click', {});
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('holds every shown notification until it is clicked or closed (Windows drops collected ones)', () => {
    const { notifier, fake } = setUp('win32');
    void notifier.show(warning, vi.fn());
    void notifier.show({ ...warning, title: 'release expired' }, vi.fn());
    expect(notifier.liveCount).toBe(2);
    const [first, second] = fake.Notification.created;
    first?.emit('click', {});
    expect(notifier.liveCount).toBe(1);
    second?.close();
    expect(notifier.liveCount).toBe(0);
  });

  it('has no action buttons on Linux, only the click', () => {
    const { notifier, last } = setUp('linux');
    void notifier.show(warning, vi.fn());
    expect(last().options.actions).toBeUndefined();
    expect(last().options).not.toHaveProperty('groupId');
  });

  it('groups the warnings in Notification Center and Action Center', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { notifier, last } = setUp(platform);
      void notifier.show(warning, vi.fn());
      expect(last().options.groupId).toBe('expiry-warnings');
    }
  });
});
