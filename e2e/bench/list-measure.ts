/**
 * The list benchmark's measurements of one page, Cratekeeper's or the
 * baseline's, driven the same way through the in-page probe (page/probe.ts).
 */
import type { Browser, BrowserContext, CDPSession, JSHandle, Page, Route } from '@playwright/test';
import { mainThreadTime, TRACE_CATEGORIES, type MainThreadTime } from './list-trace';
import {
  ROWS_PAINTED_MARK,
  type BenchWindow,
  type InteractionResult,
  type InteractionTrigger,
  type ListBenchProbe,
  type LoadMarks,
  type ScrollFigures,
} from './page/probe-api';

/** The `tokens:list` contract call, as the bridge sends it. */
const LIST_CALL_URL = /\/__ipc\/call\/tokens(?::|%3A)list(?:$|\?)/i;
const REGION = '[role="region"][aria-label="Token list"]';

export interface BenchEnvironment {
  readonly browser: Browser;
  /** The probe's init script (list-baseline.ts, probeScript). */
  readonly probeScript: string;
  readonly viewport: { readonly width: number; readonly height: number };
}

/** Chromium's cumulative main-thread times, from the DevTools protocol's Performance domain. */
export interface MainThreadTimes {
  /** The main thread's CPU time (ThreadTime): unlike the others, not stretched by a busy machine. */
  readonly cpu: number;
  /** Wall time of its tasks. */
  readonly task: number;
  /** Wall time of script (CDP's ScriptDuration, which leaves out promise reactions). */
  readonly script: number;
  readonly style: number;
  readonly layout: number;
}

async function mainThreadTimes(cdp: CDPSession): Promise<MainThreadTimes> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return {
    cpu: ms('ThreadTime'),
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'),
    layout: ms('LayoutDuration'),
  };
}

function timesBetween(before: MainThreadTimes, after: MainThreadTimes): MainThreadTimes {
  return {
    cpu: after.cpu - before.cpu,
    task: after.task - before.task,
    script: after.script - before.script,
    style: after.style - before.style,
    layout: after.layout - before.layout,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => {
      clearTimeout(timer);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${what}: no answer within ${ms} ms`));
      }, ms);
    }),
  ]);
}

/** Runs `use` in the page, with the page's probe. */
async function withProbe<T, A>(
  page: Page,
  use: (probe: ListBenchProbe, arg: A) => T | Promise<T>,
  arg: A,
): Promise<T> {
  // The probe is an init script, so it is there as soon as the page's document is.
  const handle = (await page.waitForFunction(
    () => (window as unknown as BenchWindow).__listBench,
  )) as JSHandle<ListBenchProbe>;
  try {
    // Playwright types the argument as it arrives (unboxed), which a generic A cannot show.
    return await handle.evaluate<T, A>(use as never, arg);
  } finally {
    await handle.dispose();
  }
}

export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  close(): Promise<void>;
}

/** A fresh context (no cache, no storage) with the probe, and a page with CDP's Performance domain on. */
export async function openPage(env: BenchEnvironment): Promise<OpenPage> {
  const context = await env.browser.newContext({ viewport: env.viewport });
  await context.addInitScript({ content: env.probeScript });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp, close: () => context.close() };
}

export interface NavigationRun {
  readonly marks: LoadMarks;
  /** Main-thread time from navigation to the rows painted. */
  readonly mainThread: MainThreadTimes;
}

/** page.goto → the whole list's first rows painted. */
export async function measureNavigation(open: OpenPage, url: string): Promise<NavigationRun> {
  const before = await mainThreadTimes(open.cdp);
  await open.page.goto(url);
  const marks = await withTimeout(
    withProbe(open.page, (probe) => probe.loaded, null),
    60_000,
    `${url}: the whole list`,
  );
  const after = await mainThreadTimes(open.cdp);
  return { marks, mainThread: timesBetween(before, after) };
}

export interface RenderRun {
  readonly marks: LoadMarks;
  /** Main-thread time from handing the page its list to the rows painted, from a trace. */
  readonly trace: MainThreadTime;
}

/**
 * The list drawn from data in hand: the page loads, asks for its list, and
 * the bench holds the answer (already fetched from the core) until the page
 * is idle. Then it hands the answer over and traces the main thread until
 * the rows are painted (the probe's mark).
 */
export async function measureRenderFromData(
  env: BenchEnvironment,
  url: string,
): Promise<RenderRun> {
  const open = await openPage(env);
  let trace: Buffer;
  try {
    let hold: ((release: () => Promise<void>) => void) | undefined;
    const held = new Promise<() => Promise<void>>((resolve) => {
      hold = resolve;
    });
    await open.context.route(LIST_CALL_URL, async (route: Route) => {
      if (hold === undefined) {
        // Only the first call is held; a later one (a reload) goes through.
        await route.continue();
        return;
      }
      const give = hold;
      hold = undefined;
      const response = await route.fetch();
      give(() => route.fulfill({ response }));
    });
    await open.page.goto(url);
    const release = await withTimeout(held, 60_000, `${url}: the list call`);
    // Quiet: everything else the page does at start has run.
    await withProbe(open.page, (probe) => probe.idle(), null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await withProbe(open.page, (probe) => probe.idle(), null);
    await env.browser.startTracing(open.page, { categories: TRACE_CATEGORIES });
    let marks: LoadMarks;
    try {
      await release();
      marks = await withTimeout(
        withProbe(open.page, (probe) => probe.loaded, null),
        60_000,
        `${url}: the list drawn from data in hand`,
      );
    } finally {
      trace = await env.browser.stopTracing();
    }
    return { marks, trace: mainThreadTime(trace, ROWS_PAINTED_MARK) };
  } finally {
    await open.close();
  }
}

export interface KeystrokeSample extends InteractionResult {
  readonly key: string;
  /** The search field's text after the key. */
  readonly query: string;
}

async function timedInput(
  page: Page,
  trigger: InteractionTrigger,
  send: () => Promise<void>,
): Promise<InteractionResult> {
  await withProbe(
    page,
    (probe, kind) => {
      probe.arm(kind);
    },
    trigger,
  );
  await send();
  return withTimeout(
    withProbe(page, (probe, ms) => probe.settled(ms), 20_000),
    30_000,
    'the page settling after an input',
  );
}

/**
 * Types each query into the search field one real key at a time, waiting
 * after each until its result is painted and the page idle, then deletes it
 * with Backspace the same way. Every key is timed from its keydown event to
 * the paint of the last change it made to the list or its count line.
 */
export async function typeQueries(
  page: Page,
  queries: readonly string[],
): Promise<KeystrokeSample[]> {
  const search = page.locator('input[type="search"]');
  await search.click();
  await withProbe(page, (probe) => probe.idle(), null);
  const samples: KeystrokeSample[] = [];
  for (const query of queries) {
    for (const char of query) {
      const result = await timedInput(page, 'keydown', () => page.keyboard.type(char));
      samples.push({ ...result, key: char, query: await search.inputValue() });
    }
    for (let left = query.length; left > 0; left -= 1) {
      const result = await timedInput(page, 'keydown', () => page.keyboard.press('Backspace'));
      samples.push({ ...result, key: 'Backspace', query: await search.inputValue() });
    }
  }
  return samples;
}

export interface SortSample extends InteractionResult {
  readonly column: string;
}

/** Clicks each column's sort button once (sorting by it, ascending), timed from mousedown. */
export async function clickSorts(page: Page, columns: readonly string[]): Promise<SortSample[]> {
  const samples: SortSample[] = [];
  for (const column of columns) {
    const header = page
      .locator(REGION)
      .getByRole('columnheader', { name: new RegExp(`^${column}`) })
      .getByRole('button');
    const result = await timedInput(page, 'mousedown', () => header.click());
    samples.push({ ...result, column });
  }
  return samples;
}

export interface ScrollRun {
  readonly scroll: ScrollFigures;
  /** Main-thread time per frame. */
  readonly perFrame: MainThreadTimes;
}

/** Scrolls the list region `step` px a frame for `frames` frames from the top. */
export async function measureScroll(
  open: OpenPage,
  step: number,
  frames: number,
): Promise<ScrollRun> {
  const before = await mainThreadTimes(open.cdp);
  const scroll = await withProbe(open.page, (probe, pace) => probe.scroll(pace.step, pace.frames), {
    step,
    frames,
  });
  const after = await mainThreadTimes(open.cdp);
  const spent = timesBetween(before, after);
  const per = (value: number) => value / Math.max(1, scroll.frames);
  return {
    scroll,
    perFrame: {
      cpu: per(spent.cpu),
      task: per(spent.task),
      script: per(spent.script),
      style: per(spent.style),
      layout: per(spent.layout),
    },
  };
}

/** The count line's text. */
export function countTextOf(page: Page): Promise<string> {
  return withProbe(page, (probe) => probe.countText(), null);
}
