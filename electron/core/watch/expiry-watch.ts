import {
  summariseAttention,
  type Attention,
  type Navigation,
} from '../../../shared/domain/attention';
import { DAY_MS, expiryState } from '../../../shared/domain/expiry';
import type { Settings } from '../../../shared/domain/settings';
import type { Clock, EventSink } from '../ports';
import type { MetadataStore } from '../store/metadata-store';
import type { NotifierPort, TrayPort, WindowPort } from '../watch-ports';
import { computeAttention } from './attention-model';
import { composeNotification, dueNotifications } from './notification-planner';
import { HOUR_MS, WatchScheduler, type RunReason, type SchedulerPorts } from './scheduler';
import { trayViewOf } from './tray-view';
import type { WatchSources, WatchSnapshot } from './watch-snapshot';

/** Ledger lines older than this are dropped: no token warns for longer than a year. */
const LEDGER_KEEP_DAYS = 400;

export interface ExpiryWatchPorts extends SchedulerPorts {
  readonly clock: Clock;
  readonly store: MetadataStore;
  readonly events: EventSink;
  readonly sources: WatchSources;
  readonly tray: TrayPort;
  readonly notifier: NotifierPort;
  readonly window: WindowPort;
  readonly log?: { error(message: string): void };
}

/**
 * The expiry watch: on each check it reads what is known about every token,
 * works out what needs the user (banner and tray), announces what newly
 * crossed a threshold (once, persisted), shows the tray and tells the
 * renderer. The scheduler decides when; refreshes go through `sources`.
 */
export class ExpiryWatch {
  private readonly scheduler: WatchScheduler;
  private current: Attention | null = null;
  private lastEmitted = '';
  private refreshing: Promise<Date | null> | null = null;
  /** Checks run one at a time, so two never announce the same threshold. */
  private checks: Promise<unknown> = Promise.resolve();

  constructor(private readonly ports: ExpiryWatchPorts) {
    this.scheduler = new WatchScheduler(ports, {
      check: () => this.check(),
      refresh: () => this.refresh(),
      lastRefreshAt: () => {
        const at = this.ports.store.get('watch').refreshedAt;
        return at === null ? null : new Date(at);
      },
      refreshIntervalMs: () => this.settings().refreshIntervalHours * HOUR_MS,
    });
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler.stop();
    this.ports.tray.destroy();
  }

  /** Runs the scheduler now (the clock moved, settings changed); resolves once it has acted. */
  runNow(reason: RunReason = 'asked'): Promise<void> {
    return this.scheduler.run(reason);
  }

  /** Resolves once every scheduled run so far is done (tests). */
  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  /** What needs action now: the last check's answer, or a check's if none ran yet. */
  async attention(): Promise<Attention> {
    if (this.current) return this.current;
    await this.check();
    return this.latest() ?? computeAttention(emptySnapshot(), this.ports.clock.now(), [], null);
  }

  /** A method, not the field: the check above changed it behind the type checker's back. */
  private latest(): Attention | null {
    return this.current;
  }

  /** Refreshes every account (joining one already running), then checks. */
  refresh(): Promise<Date | null> {
    if (this.refreshing) return this.refreshing;
    const run = (async () => {
      try {
        await this.ports.sources.refresh();
        const memory = this.ports.store.get('watch');
        this.ports.store.set('watch', {
          ...memory,
          refreshedAt: this.ports.clock.now().toISOString(),
        });
      } catch (error) {
        // The lists stay as last known (the offline cache); the next tick or wake tries again.
        this.report('Background refresh failed', error);
      }
      return this.check();
    })();
    this.refreshing = run;
    const done = (): void => {
      if (this.refreshing === run) this.refreshing = null;
    };
    run.then(done, done);
    return run;
  }

  /**
   * Re-evaluates every token; resolves with the next moment a state changes.
   * Never rejects: a check that fails is logged, and the next one tries again
   * (the scheduler's timers run it without anyone to catch).
   */
  check(): Promise<Date | null> {
    const next = this.checks
      .then(() => this.checkOnce())
      .catch((error: unknown) => {
        this.report('The expiry check failed', error);
        return null;
      });
    this.checks = next;
    return next;
  }

  private report(what: string, error: unknown): void {
    this.ports.log?.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  private settings(): Settings {
    return this.ports.store.get('settings');
  }

  private async checkOnce(): Promise<Date | null> {
    const snapshot = await this.ports.sources.snapshot();
    // Everything below is synchronous: read, plan and record the ledger in one go.
    const now = this.ports.clock.now();
    const settings = this.settings();
    const memory = this.ports.store.get('watch');
    const attention = computeAttention(snapshot, now, settings.warningDays, memory.refreshedAt);
    const due = dueNotifications(snapshot.tokens, now, settings.warningDays, memory.notified);
    if (due.length > 0) {
      // Recorded before it is shown: a crash in between must not announce it twice.
      const keepAfter = now.getTime() - LEDGER_KEEP_DAYS * DAY_MS;
      const kept = memory.notified.filter((entry) => Date.parse(entry.at) > keepAfter);
      const at = now.toISOString();
      this.ports.store.set('watch', {
        ...memory,
        notified: [
          ...kept,
          ...due.map((token) => ({ key: token.key, threshold: token.threshold, at })),
        ],
      });
      // Switched off, they are recorded all the same: switching back on must not replay them.
      if (settings.notificationsEnabled) this.announce(due, snapshot);
    }
    this.current = attention;
    this.ports.tray.show(
      trayViewOf(attention, {
        open: (navigation) => {
          this.ports.window.open(navigation);
        },
        refresh: () => {
          void this.refresh();
        },
        quit: () => {
          this.ports.window.quit();
        },
      }),
    );
    // The window gets the summary: a few items and counts, not thousands of items.
    const summary = summariseAttention(attention);
    const said = JSON.stringify(summary);
    if (said !== this.lastEmitted) {
      this.lastEmitted = said;
      this.ports.events.emit('watch:changed', summary);
    }
    return nextChange(snapshot, now, settings.warningDays);
  }

  private announce(due: Parameters<typeof composeNotification>[0], snapshot: WatchSnapshot): void {
    const expiresAt = new Map(snapshot.tokens.map((token) => [token.key, token.expiresAt]));
    const notification = composeNotification(due, (key) => expiresAt.get(key) ?? null);
    const first = due[0];
    if (!notification || !first) return;
    const navigation: Navigation =
      due.length === 1
        ? { to: 'tokens', tokenKey: first.key }
        : { to: 'tokens', tokenKey: first.key, tokenKeys: due.map((token) => token.key) };
    this.ports.notifier
      .show(notification, () => {
        this.ports.window.open(navigation);
      })
      .catch((error: unknown) => {
        // The banner and the tray still say it; the OS refusing is not the user's problem.
        this.ports.log?.error(
          `A notification could not be shown: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  }
}

function emptySnapshot(): WatchSnapshot {
  return { tokens: [], revokedElsewhere: [], signedOut: [] };
}

/** The soonest moment any token's expiry state changes after `now`. */
function nextChange(
  snapshot: WatchSnapshot,
  now: Date,
  warningDays: readonly number[],
): Date | null {
  let soonest: number | null = null;
  for (const token of snapshot.tokens) {
    const at = expiryState(token.expiresAt, now, warningDays).nextChangeAt?.getTime();
    if (at !== undefined && (soonest === null || at < soonest)) soonest = at;
  }
  return soonest === null ? null : new Date(soonest);
}
