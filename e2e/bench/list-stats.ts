/** Order statistics for the list benchmark. */

/** p95 and the like only from at least this many samples; fewer say too little about a tail. */
export const MIN_SAMPLES_FOR_P95 = 40;

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  /** null below MIN_SAMPLES_FOR_P95 samples. */
  readonly p95: number | null;
  readonly max: number;
}

/** Nearest-rank percentile of already sorted values. */
function rank(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: median(sorted),
    p95: sorted.length >= MIN_SAMPLES_FOR_P95 ? rank(sorted, 95) : null,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Cratekeeper's figure over the baseline's, for the minimum and for the median. */
export interface Ratio {
  readonly min: number;
  readonly median: number;
}

export function ratioOf(app: Summary, baseline: Summary): Ratio {
  return { min: app.min / baseline.min, median: app.median / baseline.median };
}
