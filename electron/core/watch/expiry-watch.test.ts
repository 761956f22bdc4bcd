import { describe, expect, it } from 'vitest';
import type { EventSink } from '../ports';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { ExpiryWatch } from './expiry-watch';
import { FakeTime } from './test-support/fake-time';
import { RecordingNotifier, RecordingTray, RecordingWindow } from './test-support/recording-ports';
import type { WatchedToken, WatchSnapshot, WatchSources } from './watch-snapshot';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-03-01T09:00:00.000Z');

/** The wall-clock moment `days` (and `hours`) after the start. */
function at(days: number, hours = 0): Date {
  return new Date(T0.getTime() + days * DAY + hours * HOUR);
}
const iso = (days: number, hours = 0): string => at(days, hours).toISOString();

function token(key: string, name: string, expiresAt: Date | null, imported = false): WatchedToken {
  return {
    key,
    name,
    expiresAt: expiresAt?.toISOString() ?? null,
    source: imported ? 'imported' : 'registry',
    registryLabel: 'crates.io',
    replaceable: !imported,
    secretHeld: true,
  };
}

/** The registry and the imported list, as the test says they are; refreshes counted. */
class FakeSources implements WatchSources {
  tokens: WatchedToken[] = [];
  readonly refreshedAt: string[] = [];
  private running = 0;
  mostAtOnce = 0;
  constructor(private readonly time: FakeTime) {}

  snapshot(): Promise<WatchSnapshot> {
    return Promise.resolve({ tokens: [...this.tokens], revokedElsewhere: [], signedOut: [] });
  }

  async refresh(): Promise<void> {
    this.running += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await Promise.resolve();
    this.refreshedAt.push(this.time.now().toISOString());
    this.running -= 1;
  }
}

function setUp(store = new MemoryMetadataStore()) {
  const time = new FakeTime(T0);
  const sources = new FakeSources(time);
  const notifier = new RecordingNotifier(time.clock);
  const tray = new RecordingTray(time.clock);
  const window = new RecordingWindow();
  const events: { name: string; payload: unknown }[] = [];
  const sink: EventSink = { emit: (name, payload) => events.push({ name, payload }) };
  const build = (): ExpiryWatch =>
    new ExpiryWatch({
      clock: time.clock,
      monotonic: time.monotonic,
      timers: time.timers,
      powerEvents: time.powerEvents,
      store,
      events: sink,
      sources,
      tray,
      notifier,
      window,
    });
  let watch = build();
  time.settle = async () => {
    for (let i = 0; i < 3; i += 1) await watch.idle();
  };
  return {
    time,
    sources,
    notifier,
    tray,
    window,
    events,
    store,
    get watch() {
      return watch;
    },
    /** Quits and starts again on the same store (the ledger is what it persisted). */
    restart: async () => {
      watch.stop();
      watch = build();
      watch.start();
      await time.settle();
    },
  };
}

/** What a notification says and names, with when. */
function summary(shown: RecordingNotifier['shown']) {
  return shown.map((note) => ({
    shownAt: note.shownAt,
    title: note.title,
    tokens: note.tokens.map((t) => `${t.name}@${t.threshold}`),
  }));
}

describe('ExpiryWatch over 30 simulated days', () => {
  it('announces each threshold once, through sleep, clock jumps, a restart, new thresholds and a rotation', async () => {
    const h = setUp();
    const quill = token('crates.io#1/1', 'CI: quill', at(10));
    const release = token('crates.io#1/2', 'release', at(10, 2));
    const docs = token('crates.io#1/3', 'docs', at(20));
    const nightly = token('crates.io#1/4', 'nightly', null);
    const legacy = token('imported/e', 'legacy-ci', at(25), true);
    h.sources.tokens = [quill, release, docs, nightly, legacy];

    h.watch.start();
    await h.time.settle();
    // Day 3: quill, then release two hours later, cross 7 days: each at its own moment.
    await h.time.runUntil(at(6, -1));
    // Day 6, 08:00: the lid closes until day 7, 12:00; docs crossed 14 days at 09:00,
    // quill and release 3 days at 09:00 and 11:00. Resume reports it: one notification.
    h.time.sleep(DAY + 4 * HOUR);
    await h.time.wake();
    // Day 8: the wall clock is set 1.5 days ahead and nobody says so (Linux): the probe sees it.
    await h.time.runUntil(at(8, -9));
    h.time.jump(DAY + 12 * HOUR);
    await h.time.advance(2 * 60 * 1000);
    // Then set 2 days back, an hour passes, and it is put right again: nothing repeats.
    h.time.jump(-2 * DAY);
    await h.time.advance(HOUR);
    h.time.jump(2 * DAY);
    await h.time.advance(HOUR);
    // Day 9, 18:00: quit and start again.
    await h.time.runUntil(at(9, 9));
    await h.restart();
    // Day 10, 09:00 quill expires; 10:00 release is rotated (the new one expires in 90 days).
    await h.time.runUntil(at(10, 1));
    h.sources.tokens = h.sources.tokens
      .filter((t) => t !== release)
      .concat(token('crates.io#1/9', 'release', at(100)));
    await h.watch.check();
    // Day 11: the user warns at 10 and 2 days instead.
    await h.time.runUntil(at(11));
    await h.watch.runNow();
    h.store.set('settings', { ...h.store.get('settings'), warningDays: [10, 2] });
    await h.watch.runNow();
    // Day 12: quill's secret is forgotten (it no longer is a token the app knows).
    await h.time.runUntil(at(12));
    h.sources.tokens = h.sources.tokens.filter((t) => t !== quill);
    await h.watch.check();
    await h.time.runUntil(at(30));

    expect(summary(h.notifier.shown)).toEqual([
      {
        shownAt: iso(0),
        title: '2 tokens expire within 14 days',
        tokens: ['CI: quill@14d', 'release@14d'],
      },
      { shownAt: iso(3), title: "'CI: quill' expires within 7 days", tokens: ['CI: quill@7d'] },
      { shownAt: iso(3, 2), title: "'release' expires within 7 days", tokens: ['release@7d'] },
      {
        shownAt: iso(7, 3),
        title: '3 tokens expire within 14 days',
        tokens: ['CI: quill@3d', 'release@3d', 'docs@14d'],
      },
      {
        // The jump is seen at the next probe, within a minute.
        shownAt: new Date(at(9, 3).getTime() + 60_000).toISOString(),
        title: '2 tokens expire within 1 day',
        tokens: ['CI: quill@1d', 'release@1d'],
      },
      { shownAt: iso(10), title: "'CI: quill' has expired", tokens: ['CI: quill@expired'] },
      // Still under the old thresholds, at 09:00 sharp.
      {
        shownAt: iso(11),
        title: "'legacy-ci' expires within 14 days",
        tokens: ['legacy-ci@14d'],
      },
      // New thresholds: docs (9 days left) crosses 10 days, tighter than its 14.
      { shownAt: iso(11), title: "'docs' expires within 10 days", tokens: ['docs@10d'] },
      { shownAt: iso(15), title: "'legacy-ci' expires within 10 days", tokens: ['legacy-ci@10d'] },
      { shownAt: iso(18), title: "'docs' expires within 2 days", tokens: ['docs@2d'] },
      { shownAt: iso(20), title: "'docs' has expired", tokens: ['docs@expired'] },
      { shownAt: iso(23), title: "'legacy-ci' expires within 2 days", tokens: ['legacy-ci@2d'] },
      { shownAt: iso(25), title: "'legacy-ci' has expired", tokens: ['legacy-ci@expired'] },
    ]);
    expect(h.tray.states).toEqual([
      { at: iso(0), state: 'attention' },
      { at: iso(10), state: 'alert' },
      { at: iso(12), state: 'attention' },
      { at: iso(20), state: 'alert' },
    ]);
    // Never one long timer; refreshes at start, every 6 hours, on wake and jump, one at a time.
    expect(h.time.longestDelayMs).toBeLessThanOrEqual(60_000);
    expect(h.sources.mostAtOnce).toBe(1);
    expect(h.sources.refreshedAt.slice(0, 3)).toEqual([iso(0), iso(0, 6), iso(0, 12)]);
    expect(h.sources.refreshedAt).toContain(iso(7, 3));
  });
});

describe('ExpiryWatch, the tray and a click', () => {
  it('lists the tokens needing attention, then the four fixed entries, and opens the app on a token', async () => {
    const h = setUp();
    h.sources.tokens = [
      token('crates.io#1/1', 'CI: quill', at(2)),
      token('crates.io#1/2', 'old', at(-1)),
      token('crates.io#1/3', 'fine', at(60)),
    ];
    h.watch.start();
    await h.time.settle();

    expect(h.tray.view?.state).toBe('alert');
    expect(h.tray.view?.tooltip).toBe('Cratekeeper: 1 token expired, 1 token expiring');
    expect(h.tray.labels()).toEqual([
      'old: expired',
      'CI: quill: expires within 3 days',
      'Open Cratekeeper',
      'Refresh now',
      'Settings',
      'Quit',
    ]);
    const click = (label: string): void => {
      const entry = h.tray.view?.menu.find((e) => e.kind === 'item' && e.label === label);
      if (entry?.kind === 'item') entry.onClick();
    };
    click('CI: quill: expires within 3 days');
    click('Settings');
    click('Open Cratekeeper');
    click('Quit');
    expect(h.window.opened).toEqual([
      { to: 'tokens', tokenKey: 'crates.io#1/1' },
      { to: 'settings' },
      undefined,
    ]);
    expect(h.window.quits).toBe(1);

    // One notification for both, and clicking it opens the most urgent one with the rest listed.
    expect(summary(h.notifier.shown)).toEqual([
      {
        shownAt: iso(0),
        title: '2 tokens have expired or expire within 3 days',
        tokens: ['old@expired', 'CI: quill@3d'],
      },
    ]);
    h.notifier.shown[0]?.click();
    expect(h.window.opened.at(-1)).toEqual({
      to: 'tokens',
      tokenKey: 'crates.io#1/2',
      tokenKeys: ['crates.io#1/2', 'crates.io#1/1'],
    });
    // Told at the first check, and again once the start's refresh has a time.
    const changed = h.events.filter((e) => e.name === 'watch:changed');
    expect(changed.map((e) => (e.payload as { refreshedAt: string | null }).refreshedAt)).toEqual([
      null,
      iso(0),
    ]);

    h.watch.stop();
    expect(h.tray.destroyed).toBe(true);
    expect(h.time.pendingTimers()).toBe(0);
  });

  it('shows nothing with notifications off, and does not replay them when switched back on', async () => {
    const h = setUp();
    h.store.set('settings', { ...h.store.get('settings'), notificationsEnabled: false });
    h.sources.tokens = [token('crates.io#1/1', 'CI: quill', at(5))];
    h.watch.start();
    await h.time.settle();
    expect(h.notifier.shown).toEqual([]);
    expect(h.tray.view?.state).toBe('attention');

    h.store.set('settings', { ...h.store.get('settings'), notificationsEnabled: true });
    await h.watch.runNow();
    expect(h.notifier.shown).toEqual([]);
    await h.time.runUntil(at(2));
    expect(summary(h.notifier.shown)).toEqual([
      { shownAt: iso(2), title: "'CI: quill' expires within 3 days", tokens: ['CI: quill@3d'] },
    ]);
  });

  it('runs one refresh at a time however many are asked for', async () => {
    const h = setUp();
    await Promise.all([h.watch.refresh(), h.watch.refresh(), h.watch.runNow('refresh')]);
    expect(h.sources.mostAtOnce).toBe(1);
    expect(h.store.get('watch').refreshedAt).toBe(iso(0));
  });
});

describe('ExpiryWatch when something fails', () => {
  it('logs a failed look or refresh and keeps its timers, so the next one tries again', async () => {
    const h = setUp();
    h.sources.tokens = [token('crates.io#1/1', 'CI: quill', at(2))];
    const realSnapshot = h.sources.snapshot.bind(h.sources);
    let failures = 2;
    h.sources.snapshot = () =>
      failures-- > 0 ? Promise.reject(new Error('disk gone')) : realSnapshot();
    const attempts: string[] = [];
    h.sources.refresh = () => {
      attempts.push(h.time.now().toISOString());
      return Promise.reject(new Error('offline'));
    };
    h.watch.start();
    await h.time.settle();
    expect(h.notifier.shown).toEqual([]);
    expect(h.time.pendingTimers()).toBe(1);

    await h.time.advance(2 * 60 * 1000);
    await h.time.runUntil(at(0, 1));
    // The look at the next refresh attempt works.
    expect(summary(h.notifier.shown)).toEqual([
      {
        shownAt: iso(0, 0.25),
        title: "'CI: quill' expires within 3 days",
        tokens: ['CI: quill@3d'],
      },
    ]);
    // A failed refresh does not count as one, and an unreachable registry is asked every 15 minutes, not more.
    expect(h.store.get('watch').refreshedAt).toBeNull();
    expect(attempts).toEqual([iso(0), iso(0, 0.25), iso(0, 0.5), iso(0, 0.75), iso(0, 1)]);
  });
});
