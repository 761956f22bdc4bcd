/**
 * Measures the token list with 10 accounts × 500 tokens in Chromium: first
 * render, search latency, sort latency and scrolling. A script, not a test:
 * `npm run bench:list` builds the renderer, then prints a table of figures.
 */
import { chromium } from '@playwright/test';
import { startHarness, type RunningHarness } from '../harness/harness';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium';

const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#b7410e"/></svg>';
const FULL_COUNT = /^\d+ tokens across \d+ accounts$/;
const QUERIES = [
  'user01',
  'user02 token 1',
  'token 42',
  'user07',
  'user10 token 3',
  '99',
  'user04 token',
  'token 250',
  'user09 token 4',
  'user05 token 1',
];
const SORT_COLUMNS = ['Name', 'Expiry', 'Status', 'Created', 'Last used', 'Account'];

/** Runs in the page: records when the count line first shows the whole list. */
function watchFirstRender(pattern: string): void {
  const fullCount = new RegExp(pattern);
  const marks = window as unknown as { __firstRender?: number };
  const observer = new MutationObserver(() => {
    for (const element of document.querySelectorAll('[role="status"]')) {
      if (fullCount.test(element.textContent.trim())) {
        marks.__firstRender = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function signInEveryUser(harness: RunningHarness): Promise<void> {
  for (const user of harness.simulator.state.users) {
    if (user.login === harness.account?.login) continue;
    harness.setNextSignInLogin(user.login);
    await harness.core.signIn({ name: 'sim', baseUrl: harness.simulator.url });
  }
  harness.setNextSignInLogin(undefined);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const harness = await startHarness({ seed: 'generated:10x500' });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    await signInEveryUser(harness);
    const { tokens } = await harness.core.handlers['tokens:list']({});
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.route(/^https:\/\/([a-z0-9-]+\.)*githubusercontent\.com\//, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: AVATAR_SVG }),
    );
    // tsx (esbuild keepNames) wraps named inner functions in `__name`; the page needs it too.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(watchFirstRender, FULL_COUNT.source);

    // First render: navigation start (performance.now() = 0) → the full count shows.
    await page.goto(harness.url);
    await page.waitForFunction(
      () => (window as unknown as { __firstRender?: number }).__firstRender !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    const firstRender = await page.evaluate(
      () => (window as unknown as { __firstRender: number }).__firstRender,
    );

    // Search: the input event → the count line changes. Cleared between queries.
    const searchTimes: number[] = [];
    for (const query of QUERIES) {
      searchTimes.push(await page.evaluate(typeAndWaitForCount, query));
      await page.evaluate(typeAndWaitForCount, '');
    }

    // Sort: the header click → the first row changes.
    const sortTimes: number[] = [];
    for (const column of SORT_COLUMNS) {
      const time = await page.evaluate(clickHeaderAndWaitForFirstRow, column);
      if (time !== null) sortTimes.push(time);
    }

    // Scroll: step the list region to its end, one step a frame.
    const scroll = await page.evaluate(scrollToEnd);

    const rows: [string, string][] = [
      ['tokens listed', String(tokens.length)],
      ['first render (navigation → full count)', ms(firstRender)],
      [`search, median of ${searchTimes.length}`, ms(percentile(searchTimes, 50))],
      [`search, p95 of ${searchTimes.length}`, ms(percentile(searchTimes, 95))],
      [`sort, median of ${sortTimes.length}`, ms(percentile(sortTimes, 50))],
      [`sort, p95 of ${sortTimes.length}`, ms(percentile(sortTimes, 95))],
      ['scroll to end: time', ms(scroll.time)],
      ['scroll to end: frames', String(scroll.frames)],
      ['scroll to end: dropped frames (est.)', String(scroll.dropped)],
      ['scroll to end: longest frame', ms(scroll.longest)],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`\nToken list benchmark (generated:10x500, Chromium headless)\n`);
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    console.log('');
  } finally {
    await browser.close();
    await harness.close();
  }
}

/** Runs in the page: sets the search field as typing would, times the count update. */
function typeAndWaitForCount(query: string): Promise<number> {
  const input = document.querySelector<HTMLInputElement>('input[type="search"]');
  const status = [...document.querySelectorAll('[role="status"]')].find((element) =>
    /tokens?\b/.test(element.textContent),
  );
  if (!input || !status) return Promise.reject(new Error('no search field or count line'));
  const before = status.textContent;
  const valueProperty = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the count did not change for “${query}”`));
    }, 10_000);
    const observer = new MutationObserver(() => {
      if (status.textContent === before) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(performance.now() - start);
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    // React tracks the value: set it through the prototype, as typing would.
    valueProperty?.set?.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Runs in the page: clicks a column's sort button, times the first row's change (null: none). */
function clickHeaderAndWaitForFirstRow(column: string): Promise<number | null> {
  const header = [...document.querySelectorAll('th')].find(
    (element) => element.textContent.trim() === column,
  );
  const button = header?.querySelector<HTMLElement>('[role="button"], button');
  const body = document.querySelector('tbody');
  if (!button || !body) return Promise.reject(new Error(`no sort button for ${column}`));
  const firstRow = () => body.querySelector('tr[aria-rowindex="2"]')?.textContent ?? '';
  const before = firstRow();
  return new Promise((resolve) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, 3_000);
    const observer = new MutationObserver(() => {
      if (firstRow() === before) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(performance.now() - start);
    });
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    button.click();
  });
}

interface ScrollFigures {
  readonly time: number;
  readonly frames: number;
  readonly dropped: number;
  readonly longest: number;
}

/** Runs in the page: scrolls the list region to its end, 800 px a frame, counting frames. */
function scrollToEnd(): Promise<ScrollFigures> {
  const region = document.querySelector<HTMLElement>('[role="region"][aria-label="Token list"]');
  if (!region) return Promise.reject(new Error('no list region'));
  region.scrollTop = 0;
  const frameMs = 1000 / 60;
  const deltas: number[] = [];
  return new Promise((resolve) => {
    requestAnimationFrame((first) => {
      const start = first;
      let previous = first;
      const step = (now: number) => {
        deltas.push(now - previous);
        previous = now;
        const end = region.scrollHeight - region.clientHeight;
        if (region.scrollTop >= end - 1) {
          resolve({
            time: now - start,
            frames: deltas.length,
            dropped: deltas.reduce(
              (sum, delta) => sum + Math.max(0, Math.round(delta / frameMs) - 1),
              0,
            ),
            longest: Math.max(0, ...deltas),
          });
          return;
        }
        region.scrollTop = Math.min(end, region.scrollTop + 800);
        requestAnimationFrame(step);
      };
      region.scrollTop = Math.min(region.scrollHeight, 800);
      requestAnimationFrame(step);
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
