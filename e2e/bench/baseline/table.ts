/**
 * The list benchmark's baseline: the token list as a plain page would draw it,
 * with no React and no MUI. The same rows and columns as Cratekeeper's token
 * table, from the same contract calls (`accounts:list`, `tokens:list`) over
 * the same harness bridge; a hand-written virtualised table with rows of one
 * fixed height, a search field and sortable headers. The bench bundles this
 * file with esbuild and serves it with index.html.
 */
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import type { CratekeeperApi } from '../../../shared/ipc/api';
import { formatAge, formatDate, formatDateTime, formatRelative } from './format';

const ROW_HEIGHT = 60;
/** Rows drawn beyond each edge of the visible ones, as the app does. */
const OVERSCAN = 6;
/** Lines a scopes or patterns cell holds; the rest is summed up as "+N". */
const CELL_LINES = 2;

const SCOPE_ORDER = [
  'change-owners',
  'publish-new',
  'publish-update',
  'trusted-publishing',
  'yank',
] as const;
const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'change-owners': 'Invite new crate owners or remove existing ones',
  'publish-new': 'Publish new crates',
  'publish-update': 'Publish new versions of existing crates',
  'trusted-publishing': 'Manage trusted publishing configurations',
  yank: 'Yank and unyank crate versions',
};
const LEGACY_DESCRIPTION =
  'A legacy token without endpoint scopes: it can publish, yank and change owners of every crate you own.';

const STATUS: Readonly<
  Record<TokenView['status'], { label: string; tone: string; description: string }>
> = {
  expired: {
    label: 'Expired',
    tone: 'danger',
    description: 'This token no longer works. Regenerate it to keep publishing.',
  },
  expiring: {
    label: 'Expiring',
    tone: 'warning',
    description: 'This token expires soon. Regenerate it before cargo publish starts failing.',
  },
  legacy: {
    label: 'Legacy',
    tone: 'caution',
    description:
      'This token has no scopes: it can do everything your account can, on every crate. Replace it with a scoped token.',
  },
  'no-expiry': {
    label: 'No expiry',
    tone: 'neutral',
    description: 'This token never expires. An expiry date limits the damage if it ever leaks.',
  },
  active: {
    label: 'Active',
    tone: 'success',
    description: 'This token is scoped and valid until its expiry date.',
  },
};
const STATUS_RANK: Readonly<Record<TokenView['status'], number>> = {
  expired: 0,
  expiring: 1,
  legacy: 2,
  'no-expiry': 3,
  active: 4,
};

const ICONS = {
  key: 'M20.59 10h-7.94c-.95-2.69-3.76-4.5-6.88-3.88-2.29.46-4.15 2.3-4.63 4.58C.32 14.58 3.26 18 7 18c2.61 0 4.83-1.67 5.65-4H13l1.29 1.29c.39.39 1.02.39 1.41 0L17 14l1.29 1.29c.39.39 1.03.39 1.42 0l2.59-2.61c.39-.39.39-1.03-.01-1.42l-.99-.97c-.2-.19-.45-.29-.71-.29M7 15c-1.65 0-3-1.35-3-3s1.35-3 3-3 3 1.35 3 3-1.35 3-3 3',
  show: 'M12 6c3.79 0 7.17 2.13 8.82 5.5C19.17 14.87 15.79 17 12 17s-7.17-2.13-8.82-5.5C4.83 8.13 8.21 6 12 6m0-2C7 4 2.73 7.11 1 11.5 2.73 15.89 7 19 12 19s9.27-3.11 11-7.5C21.27 7.11 17 4 12 4m0 5c1.38 0 2.5 1.12 2.5 2.5S13.38 14 12 14s-2.5-1.12-2.5-2.5S10.62 9 12 9m0-2c-2.48 0-4.5 2.02-4.5 4.5S9.52 16 12 16s4.5-2.02 4.5-4.5S14.48 7 12 7',
  warning:
    'M12 5.99 19.53 19H4.47zM2.74 18c-.77 1.33.19 3 1.73 3h15.06c1.54 0 2.5-1.67 1.73-3L13.73 4.99c-.77-1.33-2.69-1.33-3.46 0zM11 11v2c0 .55.45 1 1 1s1-.45 1-1v-2c0-.55-.45-1-1-1s-1 .45-1 1m0 5h2v2h-2z',
  regenerate:
    'M12 5V2.21c0-.45-.54-.67-.85-.35l-3.8 3.79c-.2.2-.2.51 0 .71l3.79 3.79c.32.31.86.09.86-.36V7c3.73 0 6.68 3.42 5.86 7.29-.47 2.27-2.31 4.1-4.57 4.57-3.57.75-6.75-1.7-7.23-5.01-.07-.48-.49-.85-.98-.85-.6 0-1.08.53-1 1.13.62 4.39 4.8 7.64 9.53 6.72 3.12-.61 5.63-3.12 6.24-6.24C20.84 9.48 16.94 5 12 5',
  rotate:
    'M12 6v1.79c0 .45.54.67.85.35l2.79-2.79c.2-.2.2-.51 0-.71l-2.79-2.79c-.31-.31-.85-.09-.85.36V4c-4.42 0-8 3.58-8 8 0 1.04.2 2.04.57 2.95.27.67 1.13.85 1.64.34.27-.27.38-.68.23-1.04C6.15 13.56 6 12.79 6 12c0-3.31 2.69-6 6-6m5.79 2.71c-.27.27-.38.69-.23 1.04.28.7.44 1.46.44 2.25 0 3.31-2.69 6-6 6v-1.79c0-.45-.54-.67-.85-.35l-2.79 2.79c-.2.2-.2.51 0 .71l2.79 2.79c.31.31.85.09.85-.35V20c4.42 0 8-3.58 8-8 0-1.04-.2-2.04-.57-2.95-.27-.67-1.13-.85-1.64-.34',
  revoke:
    'M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V9c0-1.1-.9-2-2-2H8c-1.1 0-2 .9-2 2zM9 9h6c.55 0 1 .45 1 1v8c0 .55-.45 1-1 1H9c-.55 0-1-.45-1-1v-8c0-.55.45-1 1-1m6.5-5-.71-.71c-.18-.18-.44-.29-.7-.29H9.91c-.26 0-.52.11-.7.29L8.5 4H6c-.55 0-1 .45-1 1s.45 1 1 1h12c.55 0 1-.45 1-1s-.45-1-1-1z',
} as const;

type SortColumn = 'name' | 'account' | 'created' | 'last-used' | 'expiry' | 'status';
interface Sort {
  readonly column: SortColumn;
  readonly direction: 'asc' | 'desc';
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const icon = (name: keyof typeof ICONS) =>
  `<svg class="row-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${ICONS[name]}"/></svg>`;

function element<T extends Element>(selector: string, type: abstract new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`baseline page: no ${selector}`);
  return found;
}

const region = element('[role="region"][aria-label="Token list"]', HTMLElement);
const body = element('tbody', HTMLTableSectionElement);
const search = element('input[type="search"]', HTMLInputElement);
const count = element('#count', HTMLElement);
const template = document.createElement('template');
const spacerAbove = spacerRow();
const spacerBelow = spacerRow();

function spacerRow(): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.setAttribute('aria-hidden', 'true');
  row.className = 'spacer';
  const cell = document.createElement('td');
  cell.colSpan = 9;
  row.append(cell);
  return row;
}

let tokens: readonly TokenView[] = [];
let haystacks = new Map<string, readonly string[]>();
let accountsById = new Map<string, Account>();
let accountCount = 0;
let shown: readonly TokenView[] = [];
let query = '';
let sort: Sort | null = null;
let now = Date.now();
let viewportHeight = window.innerHeight;
/** Rows built so far, by token key: scrolling back and forth reuses them. */
const rowCache = new Map<string, HTMLTableRowElement>();
let drawn = { list: shown, first: -1, last: -1, above: -1, below: -1 };

function accountOf(token: TokenView): Account | undefined {
  return token.accountId === null ? undefined : accountsById.get(token.accountId);
}

function accountText(token: TokenView): { primary: string; secondary: string } {
  const account = accountOf(token);
  if (account) {
    let host = account.registry.baseUrl;
    try {
      host = new URL(host).host;
    } catch {
      // the base URL as it is
    }
    return { primary: account.login, secondary: host };
  }
  if (token.source === 'imported') return { primary: 'imported', secondary: token.registryName };
  return { primary: token.accountId ?? 'unknown account', secondary: token.registryName };
}

/** Up to CELL_LINES lines; the last says "+N" when more did not fit. */
function cellLines(items: readonly string[], className: string): string {
  const lines = items.length > CELL_LINES ? items.slice(0, CELL_LINES - 1) : items;
  const rest = items.length - lines.length;
  const more =
    rest > 0 ? `<li class="cell-line"><span class="chip chip--more">+${rest}</span></li>` : '';
  return `<ul class="cell-lines ${className}">${lines.map((item) => `<li class="cell-line">${item}</li>`).join('')}${more}</ul>`;
}

function scopesCell(token: TokenView): string {
  if (token.endpointScopes === null) {
    if (token.source === 'imported') {
      const hint = 'Imported token: its registry did not list it, so its scopes are not known.';
      return `<span class="muted" data-hint="${hint}" aria-description="${hint}">not known</span>`;
    }
    return cellLines(
      [
        `<span class="chip chip--warning-scope chip--caution" data-hint="${LEGACY_DESCRIPTION}" aria-description="${LEGACY_DESCRIPTION}">${icon('warning')}legacy: all rights</span>`,
      ],
      'chips',
    );
  }
  const scopes = SCOPE_ORDER.filter((scope) => token.endpointScopes?.includes(scope));
  if (scopes.length === 0) return '<span class="muted">no endpoint scopes</span>';
  return cellLines(
    scopes.map((scope) => {
      const description = SCOPE_DESCRIPTIONS[scope] ?? scope;
      return `<span class="chip chip--scope" data-hint="${description}" aria-description="${description}">${scope}</span>`;
    }),
    'chips',
  );
}

function patternsCell(token: TokenView): string {
  const patterns = token.cratePatterns;
  if (patterns === null || patterns.length === 0) return '<span class="muted">any crate</span>';
  return cellLines(
    patterns.map(
      (pattern) => `<span class="pattern" title="${escape(pattern)}">${escape(pattern)}</span>`,
    ),
    'patterns',
  );
}

function whenCell(relative: string, iso: string | null): string {
  if (iso === null) return `<span class="muted">${relative}</span>`;
  return `<time datetime="${escape(iso)}"><span class="line">${escape(relative)}</span><span class="sub line">${escape(formatDateTime(iso))}</span></time>`;
}

function actionButton(verb: string, name: string, hint: string, iconName: keyof typeof ICONS) {
  return `<button type="button" class="row-action" data-action="${verb}" aria-label="${verb} ${escape(name)}" data-hint="${hint}">${icon(iconName)}</button>`;
}

function actionsCell(token: TokenView): string {
  const name = token.name;
  let html = token.secretHeld ? actionButton('Show secret of', name, 'Show secret', 'show') : '';
  if (token.source !== 'registry') return html;
  const expired = token.status === 'expired';
  html += actionButton(
    'Regenerate',
    name,
    'Regenerate: a new token prefilled from this one',
    'regenerate',
  );
  if (!expired && token.endpointScopes !== null) {
    html += actionButton(
      'Rotate',
      name,
      'Rotate: replace with a new token, then revoke this one',
      'rotate',
    );
  }
  if (!expired) html += actionButton('Revoke', name, 'Revoke', 'revoke');
  return html;
}

const HELD_HINT =
  "Cratekeeper holds this token's secret, encrypted. It stays hidden unless you ask to see it.";

function rowHtml(token: TokenView): string {
  const owner = accountText(token);
  const status = STATUS[token.status];
  const lastUsed =
    token.lastUsedAt === null
      ? whenCell(token.source === 'imported' ? 'not known' : 'never used', null)
      : whenCell(formatAge(token.lastUsedAt, now), token.lastUsedAt);
  const expiry =
    token.expiresAt === null
      ? whenCell('never', null)
      : whenCell(formatRelative(token.expiresAt, now), token.expiresAt);
  const held = token.secretHeld
    ? `<span class="held" role="img" aria-label="Secret held in Cratekeeper" aria-description="${HELD_HINT}" data-hint="${HELD_HINT}">${icon('key')}</span>`
    : '';
  return (
    `<tr data-key="${escape(token.key)}">` +
    `<td><div class="name-cell"><span class="name" title="${escape(token.name)}">${escape(token.name)}</span>${held}</div></td>` +
    `<td><span class="line" title="${escape(owner.primary)}">${escape(owner.primary)}</span><span class="sub line">${escape(owner.secondary)}</span></td>` +
    `<td>${scopesCell(token)}</td>` +
    `<td>${patternsCell(token)}</td>` +
    `<td><time class="nowrap" datetime="${escape(token.createdAt)}" title="${escape(formatDateTime(token.createdAt))}">${escape(formatDate(token.createdAt))}</time></td>` +
    `<td>${lastUsed}</td>` +
    `<td>${expiry}</td>` +
    `<td><span class="chip chip--status chip--${status.tone}" data-hint="${status.description}" aria-description="${status.description}">${status.label}</span></td>` +
    `<td class="actions">${actionsCell(token)}</td>` +
    '</tr>'
  );
}

/** The rows for these tokens: from the cache, the missing ones parsed in one go. */
function rowsFor(list: readonly TokenView[]): HTMLTableRowElement[] {
  const missing = list.filter((token) => !rowCache.has(token.key));
  if (missing.length > 0) {
    if (rowCache.size + missing.length > 2000) rowCache.clear();
    template.innerHTML = missing.map(rowHtml).join('');
    for (const row of template.content.querySelectorAll('tr')) {
      rowCache.set(row.dataset['key'] ?? '', row);
    }
  }
  return list.map((token) => {
    const row = rowCache.get(token.key);
    if (!row) throw new Error(`no row for ${token.key}`);
    return row;
  });
}

/**
 * Draws the rows in view (and OVERSCAN more each side). Rows that stay are
 * left where they are; only those leaving and arriving move, and nothing
 * moves when the same rows are drawn already.
 */
function drawWindow(): void {
  const top = region.scrollTop;
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((top + viewportHeight) / ROW_HEIGHT) + OVERSCAN);
  if (drawn.list === shown && drawn.first === first && drawn.last === last) return;
  const rows = rowsFor(shown.slice(first, last));
  const above = first * ROW_HEIGHT;
  const below = (shown.length - last) * ROW_HEIGHT;
  const wanted = new Set<Element>(rows);
  const offset = drawn.above > 0 ? 1 : 0;
  const drawnRows = body.childElementCount - offset - (drawn.below > 0 ? 1 : 0);
  const unchanged =
    drawn.above === above &&
    drawn.below === below &&
    rows.length === drawnRows &&
    rows.every((row, index) => body.children[index + offset] === row);
  drawn = { list: shown, first, last, above, below };
  // A search that leaves the same rows (another space, a word every token has) changes nothing.
  if (unchanged) return;
  (spacerAbove.firstElementChild as HTMLElement).style.height = `${above}px`;
  (spacerBelow.firstElementChild as HTMLElement).style.height = `${below}px`;
  for (const child of [...body.children]) {
    if (!wanted.has(child) && child !== spacerAbove && child !== spacerBelow) child.remove();
  }
  if (above === 0) spacerAbove.remove();
  else if (body.firstChild !== spacerAbove) body.prepend(spacerAbove);
  let previous: Element | null = above > 0 ? spacerAbove : null;
  rows.forEach((row, offset) => {
    const rowIndex = String(first + offset + 2);
    if (row.getAttribute('aria-rowindex') !== rowIndex) row.setAttribute('aria-rowindex', rowIndex);
    const next = previous ? previous.nextSibling : body.firstChild;
    if (next !== row) body.insertBefore(row, next);
    previous = row;
  });
  if (below === 0) spacerBelow.remove();
  else if (body.lastChild !== spacerBelow) body.append(spacerBelow);
}

function countText(): string {
  const total = tokens.length === 1 ? '1 token' : `${tokens.length} tokens`;
  if (shown.length !== tokens.length) return `Showing ${shown.length} of ${total}`;
  if (tokens.length === 0) return 'No tokens';
  return accountCount > 1 ? `${total} across ${accountCount} accounts` : total;
}

/** Name or a crate pattern contains every word of the query, ignoring case. */
function matches(token: TokenView, words: readonly string[]): boolean {
  const texts = haystacks.get(token.key) ?? [];
  return words.every((word) => texts.some((text) => text.includes(word)));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortKey(token: TokenView, column: SortColumn): string | number | null {
  const time = (iso: string | null) => {
    if (iso === null) return null;
    const value = Date.parse(iso);
    return Number.isNaN(value) ? null : value;
  };
  switch (column) {
    case 'name':
      return token.name;
    case 'account':
      return accountText(token).primary;
    case 'created':
      return time(token.createdAt);
    case 'last-used':
      return time(token.lastUsedAt);
    case 'expiry':
      return time(token.expiresAt);
    case 'status':
      return STATUS_RANK[token.status];
  }
}

/** Sorted as the app sorts: missing dates last either way, ties in the registry's order. */
function sorted(list: readonly TokenView[], by: Sort | null): readonly TokenView[] {
  if (by === null) return list;
  const sign = by.direction === 'asc' ? 1 : -1;
  const keyed = list.map((token, index) => ({ token, index, key: sortKey(token, by.column) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    const order =
      typeof a.key === 'string' && typeof b.key === 'string'
        ? collator.compare(a.key, b.key)
        : Number(a.key) - Number(b.key);
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((entry) => entry.token);
}

function update(): void {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const searched = words.length === 0 ? tokens : tokens.filter((token) => matches(token, words));
  shown = sorted(searched, sort);
  const text = countText();
  if (count.textContent !== text) count.textContent = text;
  drawWindow();
}

search.addEventListener('input', () => {
  query = search.value;
  update();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('th button[data-sort]')) {
  button.addEventListener('click', () => {
    const column = button.dataset['sort'] as SortColumn;
    sort =
      sort?.column === column
        ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: 'asc' };
    for (const header of document.querySelectorAll('th[aria-sort]')) {
      header.removeAttribute('aria-sort');
    }
    button.parentElement?.setAttribute(
      'aria-sort',
      sort.direction === 'asc' ? 'ascending' : 'descending',
    );
    update();
  });
}

region.addEventListener('scroll', drawWindow, { passive: true });
new ResizeObserver(([entry]) => {
  if (!entry) return;
  viewportHeight = entry.contentRect.height;
  drawWindow();
}).observe(region);

// Row actions: one listener for the whole body; this page only shows the list.
body.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button[data-action]');
  if (button) button.setAttribute('aria-pressed', 'true');
});

async function load(): Promise<void> {
  const api = (window as unknown as { cratekeeper?: CratekeeperApi }).cratekeeper;
  if (!api) throw new Error('baseline page: no window.cratekeeper (the harness bridge)');
  const [accountsResult, listResult] = await Promise.all([
    api.invoke['accounts:list']({}),
    api.invoke['tokens:list']({}),
  ]);
  if (!accountsResult.ok) throw new Error(accountsResult.error.message);
  if (!listResult.ok) throw new Error(listResult.error.message);
  accountsById = new Map(accountsResult.value.map((account) => [account.id, account]));
  tokens = listResult.value.tokens;
  haystacks = new Map(
    tokens.map((token) => [
      token.key,
      [token.name, ...(token.cratePatterns ?? [])].map((text) => text.toLowerCase()),
    ]),
  );
  accountCount = new Set(tokens.flatMap((token) => token.accountId ?? [])).size;
  now = Date.now();
  search.disabled = false;
  update();
}

load().catch((error: unknown) => {
  count.textContent = `The tokens could not be loaded: ${String(error)}`;
});
