/**
 * Summaries for the core benchmark: min and median of every figure, p95 only
 * from enough samples to mean something (≥ 40), and ratios of medians.
 */
export interface Summary {
  readonly samples: number[];
  readonly min: number;
  readonly median: number;
  /** Only with at least P95_MIN_SAMPLES samples; null otherwise. */
  readonly p95: number | null;
}

export const P95_MIN_SAMPLES = 40;

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function percentile(values: readonly number[], p: number): number {
  const ordered = sorted(values);
  const index = Math.min(ordered.length - 1, Math.ceil((p / 100) * ordered.length) - 1);
  return ordered[Math.max(0, index)] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  if (ordered.length === 0) return Number.NaN;
  const middle = Math.floor(ordered.length / 2);
  const upper = ordered[middle] ?? Number.NaN;
  return ordered.length % 2 === 1 ? upper : ((ordered[middle - 1] ?? Number.NaN) + upper) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    samples: samples.map((value) => Math.round(value * 10) / 10),
    min: Math.min(...samples),
    median: median(samples),
    p95: samples.length >= P95_MIN_SAMPLES ? percentile(samples, 95) : null,
  };
}

/** How many times slower `subject` is than `baseline`, at the median and at the min. */
export interface Ratio {
  readonly median: number;
  readonly min: number;
}

export function ratioOf(subject: Summary, baseline: Summary): Ratio {
  return { median: subject.median / baseline.median, min: subject.min / baseline.min };
}

export const formatMs = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;

export const formatRatio = (value: number): string => `${value.toFixed(2)}x`;

/** "min / median" (and "p95" when there are enough samples). */
export function formatSummary(summary: Summary): string {
  const p95 = summary.p95 === null ? '' : `, p95 ${formatMs(summary.p95)}`;
  return `${formatMs(summary.min)} / ${formatMs(summary.median)}${p95} (n=${summary.samples.length})`;
}
