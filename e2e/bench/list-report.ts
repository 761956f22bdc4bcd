/**
 * The list benchmark's figures: the printed table, the JSON kept in
 * bench-results/ (list-<date>.json and list-latest.json), and the comparison
 * with the previous run's latest file.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ratioOf, summarize, type Ratio, type Summary } from './list-stats';

const ROOT = join(import.meta.dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench-results');
const LATEST = join(RESULTS_DIR, 'list-latest.json');

export type Unit = 'ms' | 'kB' | 'frames' | 'keys';

export interface Goal {
  /** `ratio`: Cratekeeper's median over the baseline's; `value`: Cratekeeper's median itself. */
  readonly on: 'ratio' | 'value';
  readonly max: number;
}

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  /** In the headline table (the four lines), or among the details. */
  readonly headline: boolean;
  readonly app: Summary;
  readonly baseline: Summary | null;
  readonly ratio: Ratio | null;
  readonly goal: Goal | null;
  /** Whether the median meets the goal; null without a goal. */
  readonly met: boolean | null;
  readonly samples: { readonly app: readonly number[]; readonly baseline: readonly number[] };
}

export interface FigureInput {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly headline?: boolean;
  readonly app: readonly number[];
  readonly baseline?: readonly number[];
  readonly goal?: Goal;
}

export function figure(input: FigureInput): Figure {
  const app = summarize(input.app);
  const baseline =
    input.baseline === undefined || input.baseline.length === 0 ? null : summarize(input.baseline);
  const ratio = baseline === null ? null : ratioOf(app, baseline);
  const goal = input.goal ?? null;
  let met: boolean | null = null;
  if (goal?.on === 'ratio' && ratio !== null) met = ratio.median <= goal.max;
  if (goal?.on === 'value') met = app.median <= goal.max;
  return {
    id: input.id,
    label: input.label,
    unit: input.unit,
    headline: input.headline ?? false,
    app,
    baseline,
    ratio,
    goal,
    met,
    samples: { app: [...input.app], baseline: [...(input.baseline ?? [])] },
  };
}

export interface ListBenchResults {
  readonly kind: 'list-bench';
  readonly version: 1;
  readonly date: string;
  readonly commit: string;
  /** Uncommitted changes in the working tree when the bench ran. */
  readonly dirty: boolean;
  readonly machine: {
    readonly cpus: number;
    readonly loadAverageBefore: readonly number[];
    readonly loadAverageAfter: readonly number[];
    readonly node: string;
    readonly chromium: string;
  };
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Facts about the pages that are not timings (rows drawn, files counted). */
  readonly context: Readonly<Record<string, unknown>>;
  readonly figures: readonly Figure[];
}

export function loadAverage(): number[] {
  return loadavg().map((load) => Math.round(load * 100) / 100);
}

export function machineCpus(): number {
  return cpus().length;
}

export function gitState(): { commit: string; dirty: boolean } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD').trim(),
      dirty: git('status', '--porcelain') !== '',
    };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

export async function readLatest(): Promise<ListBenchResults | null> {
  try {
    const results = JSON.parse(await readFile(LATEST, 'utf8')) as Partial<ListBenchResults>;
    return results.kind === 'list-bench' ? (results as ListBenchResults) : null;
  } catch {
    return null;
  }
}

/** Writes list-<date>.json and list-latest.json; returns the dated file's path. */
export async function writeResults(results: ListBenchResults): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const dated = join(RESULTS_DIR, `list-${results.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(dated, text);
  await writeFile(LATEST, text);
  return dated;
}

function number(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'kB') return value.toFixed(1);
  if (unit === 'frames' || unit === 'keys') return value.toFixed(Number.isInteger(value) ? 0 : 1);
  return value < 10 ? value.toFixed(2) : value.toFixed(value < 100 ? 1 : 0);
}

/** "min / median unit", or the one value when there is one sample. */
function minMedian(summary: Summary | null, unit: Unit): string {
  if (summary === null || summary.n === 0) return '';
  if (summary.n === 1) return `${number(summary.median, unit)} ${unit}`;
  return `${number(summary.min, unit)} / ${number(summary.median, unit)} ${unit}`;
}

function ratioText(ratio: Ratio | null, single: boolean): string {
  if (ratio === null) return '';
  const x = (value: number) =>
    Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)}x` : '–';
  return single ? x(ratio.median) : `${x(ratio.min)} / ${x(ratio.median)}`;
}

function goalText(item: Figure): string {
  if (item.goal === null) return '';
  const target =
    item.goal.on === 'ratio' ? `≤ ${item.goal.max}x` : `≤ ${item.goal.max} ${item.unit}`;
  return `${target} ${item.met ? '✓' : '✗'}`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  if (!widths) return '';
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [
    line(head ?? []),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

const HEADER = ['what', 'Cratekeeper', 'plain table', 'ratio', 'goal'];

function figureRow(item: Figure): string[] {
  const single = item.app.n === 1 && (item.baseline?.n ?? 1) === 1;
  let label = item.label;
  if (item.app.n > 1) label += ` (n=${item.app.n})`;
  return [
    label,
    minMedian(item.app, item.unit),
    minMedian(item.baseline, item.unit),
    ratioText(item.ratio, single),
    goalText(item),
  ];
}

/** The headline table and the details, as Markdown tables: min / median each. */
export function formatTables(figures: readonly Figure[]): string {
  const headline = figures.filter((item) => item.headline);
  const details = figures.filter((item) => !item.headline);
  return [
    table([HEADER, ...headline.map(figureRow)]),
    '',
    'Details:',
    '',
    table([HEADER, ...details.map(figureRow)]),
  ].join('\n');
}

/** Medians and ratios against an earlier run, for the figures both have. */
export function formatDelta(previous: ListBenchResults, current: ListBenchResults): string {
  const before = new Map(previous.figures.map((item) => [item.id, item]));
  const rows: string[][] = [['what', 'median then → now', 'change', 'ratio then → now']];
  for (const item of current.figures) {
    const old = before.get(item.id);
    if (!old) continue;
    const change = ((item.app.median - old.app.median) / old.app.median) * 100;
    rows.push([
      item.label,
      `${number(old.app.median, item.unit)} → ${number(item.app.median, item.unit)} ${item.unit}`,
      Number.isFinite(change) ? `${change >= 0 ? '+' : ''}${change.toFixed(0)}%` : '–',
      old.ratio && item.ratio
        ? `${ratioText(old.ratio, true)} → ${ratioText(item.ratio, true)}`
        : '',
    ]);
  }
  return [
    `Against the previous run (${previous.date}, ${previous.commit}${previous.dirty ? ', uncommitted changes' : ''}):`,
    '',
    table(rows),
  ].join('\n');
}
