import { describe, expect, it } from 'vitest';
import type { Navigation } from '../../../shared/domain/attention';
import { computeAttention } from './attention-model';
import { composeNotification } from './notification-planner';
import { trayViewOf } from './tray-view';
import type { WatchedToken } from './watch-snapshot';

const NOW = new Date('2026-03-01T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function expiring(index: number): WatchedToken {
  return {
    key: `crates.io#1/${index}`,
    name: `token ${index}`,
    expiresAt: new Date(NOW.getTime() + (index + 1) * DAY).toISOString(),
    source: 'registry',
    registryLabel: 'crates.io',
    replaceable: true,
    secretHeld: false,
  };
}

describe('the tray view', () => {
  it('names at most eight items, then "and N more" that filters the list to the rest', () => {
    const attention = computeAttention(
      {
        tokens: Array.from({ length: 10 }, (_, index) => expiring(index)),
        revokedElsewhere: [
          { key: 'crates.io#1/99', name: 'CI: quill', registryLabel: 'crates.io' },
        ],
        signedOut: [{ accountId: 'crates.io#2', label: 'corro on crates.io' }],
      },
      NOW,
      [14, 7, 3, 1],
      null,
    );
    const opened: (Navigation | undefined)[] = [];
    const view = trayViewOf(attention, {
      open: (navigation) => opened.push(navigation),
      refresh: () => undefined,
      quit: () => undefined,
    });
    const items = view.menu.flatMap((entry) => (entry.kind === 'item' ? [entry] : []));
    expect(view.state).toBe('alert');
    expect(view.tooltip).toBe(
      'Cratekeeper: 1 token revoked elsewhere, 1 account signed out, 10 tokens expiring',
    );
    expect(items.map((item) => item.label)).toEqual([
      'CI: quill: revoked elsewhere',
      'corro on crates.io: signed out',
      'token 0: expires within 1 day',
      'token 1: expires within 3 days',
      'token 2: expires within 3 days',
      'token 3: expires within 7 days',
      'token 4: expires within 7 days',
      'token 5: expires within 7 days',
      'and 4 more',
      'Open Cratekeeper',
      'Refresh now',
      'Settings',
      'Quit',
    ]);
    items[8]?.onClick();
    items[1]?.onClick();
    expect(opened).toEqual([
      {
        to: 'tokens',
        tokenKeys: ['crates.io#1/6', 'crates.io#1/7', 'crates.io#1/8', 'crates.io#1/9'],
      },
      { to: 'tokens' },
    ]);
    expect(view.menu.filter((entry) => entry.kind === 'separator')).toHaveLength(1);
  });

  it('is ok with only the fixed entries when nothing needs attention', () => {
    const attention = computeAttention(
      { tokens: [expiring(40)], revokedElsewhere: [], signedOut: [] },
      NOW,
      [14, 7, 3, 1],
      null,
    );
    const view = trayViewOf(attention, {
      open: () => undefined,
      refresh: () => undefined,
      quit: () => undefined,
    });
    expect(view).toMatchObject({ state: 'ok', tooltip: 'Cratekeeper: no token needs attention' });
    expect(view.menu.map((entry) => (entry.kind === 'item' ? entry.label : '-'))).toEqual([
      'Open Cratekeeper',
      'Refresh now',
      'Settings',
      'Quit',
    ]);
  });
});

describe('a grouped notification', () => {
  it('names five tokens, then counts the rest', () => {
    const due = Array.from({ length: 7 }, (_, index) => ({
      key: `k${index}`,
      name: `t${index}`,
      threshold: '7d',
    }));
    expect(composeNotification(due, () => null)).toMatchObject({
      title: '7 tokens expire within 7 days',
      body: "'t0', 't1', 't2', 't3', 't4' and 2 more. Open Cratekeeper to replace them.",
    });
  });
});
