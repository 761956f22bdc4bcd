/**
 * Measures the token list with 10 accounts × 500 tokens, all 5,000 listed
 * (the live seed: none revoked or expired), in Chromium: first render, search
 * latency, sort latency and scrolling. A script, not a test: `npm run
 * bench:list` builds the renderer, then prints a table of figures.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { startHarness } from '../harness/harness';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium';

const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#b7410e"/></svg>';
const SEED = 'generated:10x500:live';
const EXPECTED_TOKENS = 5000;
const FULL_COUNT_TEXT = `${EXPECTED_TOKENS} tokens across 10 accounts`;
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
function watchFirstRender(fullCount: string): void {
  const marks = window as unknown as { __firstRender?: number };
  const observer = new MutationObserver(() => {
    for (const element of document.querySelectorAll('[role="status"]')) {
      if (element.textContent.trim() === fullCount) {
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

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Chromium's cumulative main-thread times (seconds), from the DevTools protocol's metrics. */
const MAIN_THREAD_METRICS = [
  'TaskDuration',
  'ScriptDuration',
  'RecalcStyleDuration',
  'LayoutDuration',
] as const;
type MainThreadTimes = Record<(typeof MAIN_THREAD_METRICS)[number], number>;

async function mainThreadTimes(cdp: CDPSession): Promise<MainThreadTimes> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return Object.fromEntries(
    MAIN_THREAD_METRICS.map((name) => [name, value(name)]),
  ) as MainThreadTimes;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const harness = await startHarness({ seed: SEED });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    await harness.signInEveryUser();
    const { tokens } = await harness.core.handlers['tokens:list']({});
    if (tokens.length !== EXPECTED_TOKENS) {
      throw new Error(`the core lists ${tokens.length} tokens, not ${EXPECTED_TOKENS}`);
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.route(/^https:\/\/([a-z0-9-]+\.)*githubusercontent\.com\//, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: AVATAR_SVG }),
    );
    // tsx (esbuild keepNames) wraps named inner functions in `__name`; the page needs it too.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(watchFirstRender, FULL_COUNT_TEXT);

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
    const shownCount = await page.evaluate(readCountLine);

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

    // Scroll: step the list region down, one step a frame: a fast fling to
    // the end, then a steady wheel-like pace from the top. Frame intervals
    // cannot drop below the display's 16.7 ms, so the main thread's own time
    // (script, style, layout, paint and the rest) is read as well.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const fling = await measureScroll(page, cdp, { step: 800, maxFrames: Infinity });
    const steady = await measureScroll(page, cdp, { step: 100, maxFrames: 300 });

    const rows: [string, string][] = [
      ['tokens listed (core)', String(tokens.length)],
      ['count line', shownCount],
      ['first render (navigation → full count)', ms(firstRender)],
      [`search, median of ${searchTimes.length}`, ms(percentile(searchTimes, 50))],
      [`search, p95 of ${searchTimes.length}`, ms(percentile(searchTimes, 95))],
      [`sort, median of ${sortTimes.length}`, ms(percentile(sortTimes, 50))],
      [`sort, p95 of ${sortTimes.length}`, ms(percentile(sortTimes, 95))],
      ...scrollRows('scroll to end, 800 px/frame', fling),
      ...scrollRows('scroll 300 frames, 100 px/frame', steady),
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`\nToken list benchmark (${SEED}, Chromium headless)\n`);
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

/** Runs in the page: the status line that counts tokens. */
function readCountLine(): string {
  const status = [...document.querySelectorAll('[role="status"]')].find((element) =>
    /tokens?\b/.test(element.textContent),
  );
  return status?.textContent.trim() ?? '(none)';
}

interface ScrollFigures {
  readonly time: number;
  readonly frames: number;
  /** Time between one frame and the next, each. */
  readonly deltas: readonly number[];
  readonly dropped: number;
  readonly longest: number;
}

interface ScrollMeasure {
  readonly scroll: ScrollFigures;
  /** Main-thread time per frame by kind, in ms. */
  readonly perFrame: MainThreadTimes;
}

async function measureScroll(
  page: Page,
  cdp: CDPSession,
  pace: { readonly step: number; readonly maxFrames: number },
): Promise<ScrollMeasure> {
  const before = await mainThreadTimes(cdp);
  const scroll = await page.evaluate(scrollDown, pace);
  const after = await mainThreadTimes(cdp);
  const perFrame = Object.fromEntries(
    MAIN_THREAD_METRICS.map((name) => [
      name,
      ((after[name] - before[name]) * 1000) / scroll.frames,
    ]),
  ) as MainThreadTimes;
  return { scroll, perFrame };
}

function scrollRows(label: string, { scroll, perFrame }: ScrollMeasure): [string, string][] {
  return [
    [`${label}: frames`, String(scroll.frames)],
    [`${label}: time`, ms(scroll.time)],
    [`${label}: frame interval, average`, ms(scroll.time / scroll.frames)],
    [`${label}: frame interval, median`, ms(percentile(scroll.deltas, 50))],
    [`${label}: frame interval, p95`, ms(percentile(scroll.deltas, 95))],
    [`${label}: frame interval, longest`, ms(scroll.longest)],
    [`${label}: dropped frames (est.)`, String(scroll.dropped)],
    [`${label}: main thread per frame, all`, ms(perFrame.TaskDuration)],
    [`${label}: main thread per frame, script`, ms(perFrame.ScriptDuration)],
    [`${label}: main thread per frame, style`, ms(perFrame.RecalcStyleDuration)],
    [`${label}: main thread per frame, layout`, ms(perFrame.LayoutDuration)],
  ];
}

/**
 * Runs in the page: scrolls the list region down from the top, `step` px a
 * frame, until its end or `maxFrames`, timing the frames.
 */
function scrollDown(pace: { step: number; maxFrames: number }): Promise<ScrollFigures> {
  const { step: stepPx, maxFrames } = pace;
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
        if (region.scrollTop >= end - 1 || deltas.length >= maxFrames) {
          resolve({
            time: now - start,
            frames: deltas.length,
            deltas,
            dropped: deltas.reduce(
              (sum, delta) => sum + Math.max(0, Math.round(delta / frameMs) - 1),
              0,
            ),
            longest: Math.max(0, ...deltas),
          });
          return;
        }
        region.scrollTop = Math.min(end, region.scrollTop + stepPx);
        requestAnimationFrame(step);
      };
      region.scrollTop = Math.min(region.scrollHeight, stepPx);
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
