import type { Attention, AttentionItem, Navigation } from '../../../shared/domain/attention';
import { thresholdDays } from '../../../shared/domain/expiry';
import type { TrayMenuEntry, TrayView } from '../watch-ports';
import { withinDays } from './attention-model';

/** The menu's fixed entries, always there, in this order. */
export const TRAY_LABELS = {
  open: 'Open Cratekeeper',
  refresh: 'Refresh now',
  settings: 'Settings',
  quit: 'Quit',
} as const;

/** Token entries shown before "and N more". */
export const TRAY_MENU_ITEMS = 8;

/** What the tray menu does; the watch wires these to the window and the refresher. */
export interface TrayActions {
  open(navigation?: Navigation): void;
  refresh(): void;
  quit(): void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Cratekeeper: 1 token expired, 2 tokens expiring". */
export function trayTooltip(attention: Attention): string {
  const count = (reason: AttentionItem['reason']): number =>
    attention.items.filter((item) => item.reason === reason).length;
  const parts = [
    [count('expired'), 'token', 'tokens', 'expired'],
    [count('revoked-elsewhere'), 'token', 'tokens', 'revoked elsewhere'],
    [count('signed-out'), 'account', 'accounts', 'signed out'],
    [count('expiring'), 'token', 'tokens', 'expiring'],
  ] as const;
  const said = parts
    .filter(([n]) => n > 0)
    .map(([n, one, many, what]) => `${plural(n, one, many)} ${what}`);
  return said.length === 0
    ? 'Cratekeeper: no token needs attention'
    : `Cratekeeper: ${said.join(', ')}`;
}

/** One menu label per item: what it is and what happened. */
export function trayItemLabel(item: AttentionItem): string {
  switch (item.reason) {
    case 'expiring': {
      const days = item.threshold === null ? null : thresholdDays(item.threshold);
      return `${item.name}: expires ${days === null ? 'soon' : withinDays(days)}`;
    }
    case 'expired':
      return `${item.name}: expired`;
    case 'revoked-elsewhere':
      return `${item.name}: revoked elsewhere`;
    case 'signed-out':
      return `${item.name}: signed out`;
  }
}

/** The whole tray: icon state, tooltip with the counts, menu (tokens first, then the fixed four). */
export function trayViewOf(attention: Attention, actions: TrayActions): TrayView {
  const menu: TrayMenuEntry[] = [];
  const shown = attention.items.slice(0, TRAY_MENU_ITEMS);
  for (const item of shown) {
    const navigation: Navigation =
      item.reason === 'signed-out' ? { to: 'tokens' } : { to: 'tokens', tokenKey: item.key };
    menu.push({
      kind: 'item',
      label: trayItemLabel(item),
      onClick: () => {
        actions.open(navigation);
      },
    });
  }
  const rest = attention.items.slice(TRAY_MENU_ITEMS);
  if (rest.length > 0) {
    const tokenKeys = rest.map((item) => item.key);
    menu.push({
      kind: 'item',
      label: `and ${rest.length} more`,
      onClick: () => {
        actions.open({ to: 'tokens', tokenKeys });
      },
    });
  }
  if (menu.length > 0) menu.push({ kind: 'separator' });
  menu.push(
    {
      kind: 'item',
      label: TRAY_LABELS.open,
      onClick: () => {
        actions.open();
      },
    },
    {
      kind: 'item',
      label: TRAY_LABELS.refresh,
      onClick: () => {
        actions.refresh();
      },
    },
    {
      kind: 'item',
      label: TRAY_LABELS.settings,
      onClick: () => {
        actions.open({ to: 'settings' });
      },
    },
    {
      kind: 'item',
      label: TRAY_LABELS.quit,
      onClick: () => {
        actions.quit();
      },
    },
  );
  return { state: attention.state, tooltip: trayTooltip(attention), menu };
}
