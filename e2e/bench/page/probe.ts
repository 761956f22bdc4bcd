/**
 * The list benchmark's in-page probe, added to every page the bench opens
 * (bundled by esbuild and installed as an init script, so it runs before the
 * page's own scripts). Identical in Cratekeeper's page and the baseline's, so
 * both are timed the same way. See probe-api.ts for what it offers.
 */
import {
  ROWS_IN_DOM_MARK,
  ROWS_PAINTED_MARK,
  type BenchWindow,
  type CallTiming,
  type InteractionResult,
  type InteractionTrigger,
  type ListBenchProbe,
  type LoadMarks,
  type ScrollFigures,
} from './probe-api';

const REGION_SELECTOR = '[role="region"][aria-label="Token list"]';
const LIST_CALL = /\/__ipc\/call\/tokens(?::|%3A)list(?:$|\?)/i;
/** The count line: "5000 tokens across 10 accounts", "Showing 12 of 5000 tokens", "No tokens". */
const COUNT_TEXT = /^(?:\d+ tokens?\b|Showing \d+ of \d+|No tokens)/;

const benchWindow = window as unknown as BenchWindow;
const fullCountText = benchWindow.__listBenchConfig?.fullCountText ?? '';

function listRegion(): HTMLElement | null {
  return document.querySelector<HTMLElement>(REGION_SELECTOR);
}

function countLine(): Element | null {
  for (const element of document.querySelectorAll('[role="status"]')) {
    if (COUNT_TEXT.test(element.textContent.trim())) return element;
  }
  return null;
}

function countText(): string {
  return countLine()?.textContent.trim() ?? '';
}

/** Rows that show a token: not the header, not the virtualiser's hidden spacers. */
function dataRows(region: Element): Element[] {
  return [...region.querySelectorAll('tr, [role="row"]')].filter(
    (row) =>
      row.getAttribute('aria-hidden') !== 'true' &&
      row.closest('thead') === null &&
      row.querySelector('td, [role="cell"], [role="gridcell"]') !== null,
  );
}

function firstCell(): string {
  const region = listRegion();
  const row = region ? dataRows(region)[0] : undefined;
  return row?.querySelector('td, [role="cell"], [role="gridcell"]')?.textContent.trim() ?? '';
}

/** Runs `callback` in a task after the next frame is painted. */
function afterPaint(callback: (time: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback(performance.now());
    };
    channel.port2.postMessage(null);
  });
}

function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    afterPaint(resolve);
  });
}

function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    requestIdleCallback(
      () => {
        resolve();
      },
      { timeout: 1000 },
    );
  });
}

/** The `tokens:list` call that ended last before `by`. */
function listCallBefore(by: number): CallTiming | null {
  const calls = performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => LIST_CALL.test(entry.name))
    .filter((entry) => entry.responseEnd > 0 && entry.responseEnd <= by + 1);
  const last = calls.at(-1);
  return last ? { startTime: last.startTime, responseEnd: last.responseEnd } : null;
}

// First load: the full count and at least one row, then the frame that paints them.
let resolveLoaded: (marks: LoadMarks) => void = () => undefined;
const loaded = new Promise<LoadMarks>((resolve) => {
  resolveLoaded = resolve;
});
let rowsInDomAt: number | null = null;

function checkLoaded(): void {
  if (rowsInDomAt !== null || fullCountText === '' || countText() !== fullCountText) return;
  const region = listRegion();
  if (!region) return;
  const rows = dataRows(region);
  if (rows.length === 0) return;
  const inDomAt = performance.now();
  rowsInDomAt = inDomAt;
  performance.mark(ROWS_IN_DOM_MARK);
  afterPaint((paintedAt) => {
    // For a trace of the page: the end of the list's first drawing.
    performance.mark(ROWS_PAINTED_MARK);
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    resolveLoaded({
      rowsInDomAt: inDomAt,
      rowsPaintedAt: paintedAt,
      listCall: listCallBefore(inDomAt),
      domContentLoadedAt: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      rowsDrawn: rows.length,
      regionHeight: region.clientHeight,
    });
  });
}

// Interactions: what one armed input event changed in the list, and when that was painted.
interface Interaction {
  startedAt: number | null;
  paintedAt: number | null;
  mutations: number;
  paintPending: boolean;
}
let interaction: Interaction | null = null;
let knownRegion: Element | null = null;

/** A change to the list region, the count line, or the region's coming or going. */
function touchesList(record: MutationRecord): boolean {
  const region = listRegion() ?? knownRegion;
  const count = countLine();
  const target = record.target;
  if (region?.contains(target) || count?.contains(target)) return true;
  const moved = [...record.addedNodes, ...record.removedNodes];
  return moved.some(
    (node) =>
      (knownRegion !== null && node.contains(knownRegion)) ||
      (node instanceof Element && node.querySelector(REGION_SELECTOR) !== null),
  );
}

function onMutations(records: MutationRecord[]): void {
  checkLoaded();
  const current = interaction;
  if (current?.startedAt == null) return;
  if (!records.some(touchesList)) return;
  knownRegion = listRegion();
  current.mutations += 1;
  if (current.paintPending) return;
  current.paintPending = true;
  afterPaint((time) => {
    current.paintPending = false;
    current.paintedAt = time;
  });
}

new MutationObserver(onMutations).observe(document, {
  subtree: true,
  childList: true,
  characterData: true,
});

const probe: ListBenchProbe = {
  loaded,
  arm(trigger: InteractionTrigger) {
    const armed: Interaction = {
      startedAt: null,
      paintedAt: null,
      mutations: 0,
      paintPending: false,
    };
    interaction = armed;
    knownRegion = listRegion();
    window.addEventListener(
      trigger,
      (event) => {
        const now = performance.now();
        // The event's own time stamp: when the browser received the input.
        armed.startedAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
      },
      { capture: true, once: true },
    );
  },
  async settled(timeoutMs: number): Promise<InteractionResult> {
    const current = interaction;
    if (current === null) throw new Error('settled() without arm()');
    const deadline = performance.now() + timeoutMs;
    let seen = -1;
    // Settled: the event came, nothing is waiting to paint, and an idle
    // period and a frame passed with no further change to the list.
    for (;;) {
      await nextIdle();
      await nextPaint();
      if (current.startedAt !== null && !current.paintPending && current.mutations === seen) break;
      seen = current.mutations;
      if (performance.now() > deadline) {
        throw new Error(
          current.startedAt === null
            ? 'the input event never reached the page'
            : 'the list kept changing',
        );
      }
    }
    interaction = null;
    const { startedAt, paintedAt, mutations } = current;
    return {
      startedAt,
      paintedAt,
      latency: paintedAt !== null ? paintedAt - startedAt : null,
      mutations,
      countText: countText(),
      firstCell: firstCell(),
    };
  },
  async idle() {
    await nextIdle();
    await nextPaint();
  },
  countText,
  scroll: scrollDown,
};
benchWindow.__listBench = probe;

/** Scrolls the list region down from the top, `stepPx` a frame, until its end or `maxFrames`. */
function scrollDown(stepPx: number, maxFrames: number): Promise<ScrollFigures> {
  const region = listRegion();
  if (!region) return Promise.reject(new Error('no list region'));
  region.scrollTop = 0;
  const frameMs = 1000 / 60;
  const deltas: number[] = [];
  return new Promise((resolve) => {
    requestAnimationFrame((first) => {
      let previous = first;
      const step = (now: number) => {
        // Two callbacks with one time stamp are one frame, not an interval of 0 ms.
        if (now > previous) deltas.push(now - previous);
        previous = now;
        const end = region.scrollHeight - region.clientHeight;
        if (region.scrollTop >= end - 1 || deltas.length >= maxFrames) {
          resolve({
            time: now - first,
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
