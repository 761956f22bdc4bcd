import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { formatRatio, type Ratio, type Summary } from './core-stats';

/** What `npm run bench:core` writes to bench-results/core-latest.json (and a timestamped copy). */
export interface CoreBenchResults {
  readonly kind: 'core-bench';
  readonly date: string;
  readonly commit: string;
  readonly machine: { readonly cpus: number; readonly loadAverage: number[] };
  readonly parameters: Readonly<Record<string, number | string>>;
  readonly figures: Readonly<Record<string, Summary>>;
  readonly ratios: Readonly<Record<string, Ratio>>;
}

const ROOT = join(import.meta.dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench-results');
const LATEST = join(RESULTS_DIR, 'core-latest.json');

export function machineFacts(): CoreBenchResults['machine'] {
  return {
    cpus: cpus().length,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

export async function readLatest(): Promise<CoreBenchResults | null> {
  try {
    return JSON.parse(await readFile(LATEST, 'utf8')) as CoreBenchResults;
  } catch {
    return null;
  }
}

/** Writes the results as the latest and under their date; returns the dated file's path. */
export async function writeResults(results: CoreBenchResults): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const dated = join(RESULTS_DIR, `core-${results.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(dated, text);
  await writeFile(LATEST, text);
  return dated;
}

/** Lines comparing medians and ratios with an earlier run, for the figures both have. */
export function describeDelta(previous: CoreBenchResults, current: CoreBenchResults): string[] {
  const lines = [`vs previous run (${previous.date}, ${previous.commit}):`];
  for (const [name, summary] of Object.entries(current.figures)) {
    const before = previous.figures[name];
    if (!before) continue;
    const change = ((summary.median - before.median) / before.median) * 100;
    lines.push(
      `  ${name}: median ${before.median.toFixed(1)} → ${summary.median.toFixed(1)} ms (${change >= 0 ? '+' : ''}${change.toFixed(0)}%)`,
    );
  }
  for (const [name, ratio] of Object.entries(current.ratios)) {
    const before = previous.ratios[name];
    if (!before) continue;
    lines.push(`  ${name}: ${formatRatio(before.median)} → ${formatRatio(ratio.median)}`);
  }
  return lines;
}
