/**
 * Where a page's main thread spent its time in a Chromium trace, by the
 * categories of DevTools' Performance panel (scripting, rendering, painting,
 * loading, other), both as wall time and as the thread's CPU time.
 *
 * Why a trace and not CDP's Performance.getMetrics ScriptDuration: that
 * metric leaves out promise reactions (microtasks), where a plain page that
 * awaits its data does all its work, so it would flatter the baseline.
 */

/** What the bench asks Chromium to record. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

export type Category = 'scripting' | 'rendering' | 'painting' | 'loading' | 'other';

/** Events by name, as DevTools sorts them; any other event's time is its parent's. */
const CATEGORY_OF: ReadonlyMap<string, Category> = new Map<string, Category>([
  ...[
    'EvaluateScript',
    'v8.evaluateModule',
    'FunctionCall',
    'V8.Execute',
    'RunMicrotasks',
    'EventDispatch',
    'TimerFire',
    'TimerInstall',
    'TimerRemove',
    'FireAnimationFrame',
    'RequestAnimationFrame',
    'CancelAnimationFrame',
    'FireIdleCallback',
    'RequestIdleCallback',
    'CancelIdleCallback',
    'XHRReadyStateChange',
    'XHRLoad',
    'v8.compile',
    'v8.compileModule',
    'V8.CompileCode',
    'v8.parseOnBackground',
    'v8.produceCache',
    'v8.produceModuleCache',
    'v8.consumeCache',
    'MinorGC',
    'MajorGC',
    'GCEvent',
    'BlinkGC.AtomicPhase',
    'CppGC.IncrementalSweep',
    'EmbedderCallback',
  ].map((name) => [name, 'scripting'] as const),
  ...[
    'UpdateLayoutTree',
    'RecalculateStyles',
    'ScheduleStyleRecalculation',
    'InvalidateLayout',
    'Layout',
    'UpdateLayerTree',
    'Layerize',
    'PrePaint',
    'HitTest',
    'ComputeIntersections',
    'ParseAuthorStyleSheet',
    'Animation',
  ].map((name) => [name, 'rendering'] as const),
  ...[
    'Paint',
    'PaintImage',
    'PaintSetup',
    'Rasterize',
    'RasterTask',
    'CompositeLayers',
    'Commit',
    'DecodeImage',
    'ResizeImage',
    'UpdateLayer',
  ].map((name) => [name, 'painting'] as const),
  ...[
    'ParseHTML',
    'ResourceSendRequest',
    'ResourceReceiveResponse',
    'ResourceReceivedData',
    'ResourceFinish',
  ].map((name) => [name, 'loading'] as const),
]);

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tts?: number;
  readonly tdur?: number;
  readonly cat?: string;
  readonly args?: { readonly name?: string };
}

/** Milliseconds by category. */
export type Breakdown = Readonly<Record<Category, number>>;

export interface MainThreadTime {
  /** Wall time, as DevTools' summary shows it. */
  readonly wall: Breakdown;
  /** The main thread's own CPU time: what the page cost, whatever else the machine was doing. */
  readonly cpu: Breakdown;
}

interface Slice {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly cpu: number;
}

function emptyBreakdown(): Record<Category, number> {
  return { scripting: 0, rendering: 0, painting: 0, loading: 0, other: 0 };
}

/** The thread's complete (`X`) and begin/end (`B`/`E`) events as slices, in µs. */
function slicesOf(events: readonly TraceEvent[]): Slice[] {
  const slices: Slice[] = [];
  const open: TraceEvent[] = [];
  for (const event of events) {
    if (event.ph === 'X') {
      const dur = event.dur ?? 0;
      slices.push({ name: event.name, start: event.ts, end: event.ts + dur, cpu: event.tdur ?? 0 });
    } else if (event.ph === 'B') {
      open.push(event);
    } else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) {
        slices.push({
          name: begin.name,
          start: begin.ts,
          end: event.ts,
          cpu: begin.tts !== undefined && event.tts !== undefined ? event.tts - begin.tts : 0,
        });
      }
    }
  }
  // Parents before their children: earlier start first, longer first at the same start.
  return slices.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
}

/**
 * The main thread's time by category from the trace's start until the user
 * timing mark `endMark` (set on that thread, which is how the thread is found).
 * Each slice's self time (its time less its children's) goes to its category;
 * an event DevTools does not sort gives its time to its parent's category.
 */
export function mainThreadTime(trace: Buffer | string, endMark: string): MainThreadTime {
  const parsed = JSON.parse(trace.toString()) as
    { traceEvents?: readonly TraceEvent[] } | readonly TraceEvent[];
  const events = Array.isArray(parsed)
    ? (parsed as readonly TraceEvent[])
    : ((parsed as { traceEvents?: readonly TraceEvent[] }).traceEvents ?? []);
  const mark = events.find((event) => event.name === endMark);
  if (!mark) throw new Error(`the trace has no “${endMark}” mark`);
  const thread = events.filter(
    (event) => event.pid === mark.pid && event.tid === mark.tid && event.ts <= mark.ts,
  );
  const wall = emptyBreakdown();
  const cpu = emptyBreakdown();
  const stack: { slice: Slice; category: Category; childWall: number; childCpu: number }[] = [];
  const close = (entry: (typeof stack)[number]) => {
    wall[entry.category] +=
      Math.max(0, entry.slice.end - entry.slice.start - entry.childWall) / 1000;
    cpu[entry.category] += Math.max(0, entry.slice.cpu - entry.childCpu) / 1000;
  };
  for (const slice of slicesOf(thread)) {
    while (stack.length > 0 && (stack.at(-1)?.slice.end ?? 0) <= slice.start) {
      const done = stack.pop();
      if (done) close(done);
    }
    const parent = stack.at(-1);
    // A slice running past the mark (none should: the mark is set in a task of its own) is cut there.
    const end = Math.min(slice.end, parent?.slice.end ?? slice.end, mark.ts);
    const clipped = { ...slice, end: Math.max(slice.start, end) };
    if (parent) {
      parent.childWall += clipped.end - clipped.start;
      parent.childCpu += clipped.cpu;
    }
    stack.push({
      slice: clipped,
      category: CATEGORY_OF.get(slice.name) ?? parent?.category ?? 'other',
      childWall: 0,
      childCpu: 0,
    });
  }
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) close(entry);
  return { wall, cpu };
}

export const total = (breakdown: Breakdown): number =>
  Object.values(breakdown).reduce((sum, value) => sum + value, 0);
