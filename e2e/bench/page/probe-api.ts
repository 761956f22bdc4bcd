/**
 * What the list benchmark's in-page probe (probe.ts) offers the bench, on
 * `window.__listBench`. The probe runs in both pages, Cratekeeper's and the
 * plain baseline's, and finds things the way a user does: by role and name
 * (the "Token list" region, the search field, the count line), never by a
 * component's class names.
 */

/** User timing marks the probe sets when the whole list is first in the DOM, and painted. */
export const ROWS_IN_DOM_MARK = 'list-bench:rows-in-dom';
export const ROWS_PAINTED_MARK = 'list-bench:rows-painted';

/** Set on `window.__listBenchConfig` before the probe runs. */
export interface ProbeConfig {
  /** The count line once the whole list is shown, e.g. "5000 tokens across 10 accounts". */
  readonly fullCountText: string;
}

/** One contract call's resource timing, in ms since navigation start. */
export interface CallTiming {
  readonly startTime: number;
  readonly responseEnd: number;
}

/** The first time the page showed the whole list, in ms since navigation start. */
export interface LoadMarks {
  /** The rows and the full count line are in the DOM (a mutation observer saw them). */
  readonly rowsInDomAt: number;
  /** The frame that drew them has been painted (a task posted from the next animation frame). */
  readonly rowsPaintedAt: number;
  /** The `tokens:list` call whose answer these rows show; null if the page made none. */
  readonly listCall: CallTiming | null;
  readonly domContentLoadedAt: number;
  /** Data rows in the DOM at that moment (a virtualised list draws a window of them). */
  readonly rowsDrawn: number;
  /** Height of the scrolling list region, px. */
  readonly regionHeight: number;
}

/** What the page did after one real input event (a key, a click). */
export interface InteractionResult {
  /** The input event's own time stamp; null if it never came. */
  readonly startedAt: number | null;
  /** After the paint of the last change to the list or its count line; null if nothing changed. */
  readonly paintedAt: number | null;
  /** paintedAt − startedAt; null when the list did not change. */
  readonly latency: number | null;
  /** DOM mutation batches inside the list region or the count line. */
  readonly mutations: number;
  /** The count line once settled. */
  readonly countText: string;
  /** The first cell of the first data row once settled. */
  readonly firstCell: string;
}

export interface ScrollFigures {
  readonly time: number;
  readonly frames: number;
  /** Time between one frame and the next, each. */
  readonly deltas: readonly number[];
  readonly dropped: number;
  readonly longest: number;
}

export type InteractionTrigger = 'keydown' | 'mousedown';

export interface ListBenchProbe {
  /** Resolves once the whole list is painted for the first time. */
  readonly loaded: Promise<LoadMarks>;
  /** The next `trigger` event starts an interaction; call before sending it. */
  arm(trigger: InteractionTrigger): void;
  /** Waits until the armed interaction's work is painted and the page is idle again. */
  settled(timeoutMs: number): Promise<InteractionResult>;
  /** Waits for the page to be idle (no task queued) and one more frame. */
  idle(): Promise<void>;
  /** The count line's text, '' if none. */
  countText(): string;
  /** Scrolls the list region down from the top, `step` px a frame, timing the frames. */
  scroll(step: number, maxFrames: number): Promise<ScrollFigures>;
}

export interface BenchWindow {
  __listBenchConfig?: ProbeConfig;
  __listBench?: ListBenchProbe;
}
