/**
 * The core's benchmark (issue 15): `npm run bench:core [-- --runs 5 --import-runs 5
 * --imports 5000 --sequential-imports 500 --latency 200 --only refresh,start,import]`.
 *
 * The simulator runs in a process of its own; the real core (conf metadata
 * store, vault, token cache) runs in this one, or for cold starts in a fresh
 * process per run. Every figure is min / median of the runs (p95 only from ≥ 40
 * samples) and the goals are ratios measured in the same run, interleaved, so
 * a machine busy with other work slows both sides alike. A script, not a test.
 *
 * - refresh: the first `tokens:list` after signing in 10 accounts vs 1, every
 *   answer 200 ms late, beside 10 plain parallel fetches of the same lists vs 1;
 *   then the same with 5,000 imported tokens held.
 * - start: open the storage and create the core → first `tokens:list` answer,
 *   cold, with 5,000 imported secrets (and a 5,000-token last known list) vs none.
 * - import: 5,000 `tokens:import` calls through the dispatcher, one per token,
 *   all in flight (an import queue or a script); and the last 500 of 5,000
 *   imported one after another, each awaited; every new secret is checked
 *   after reopening the vault.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { dispatchCall } from '../../electron/core/dispatch';
import { MemoryKeychainCipher } from '../../electron/core/test-support/memory-keychain';
import { apiTokenWireSchema } from '../../shared/domain/api-token';
import type { Keychain } from '../../electron/core/vault-service';
import {
  currentCommit,
  describeDelta,
  machineFacts,
  readLatest,
  writeResults,
  type CoreBenchResults,
} from './core-results';
import { freshDataDir, importInput, openBenchCore, writeImportedFixture } from './core-setup';
import { spawnSimulator, type SimulatorProcess } from './core-sim';
import {
  formatMs,
  formatRatio,
  formatSummary,
  ratioOf,
  summarize,
  type Ratio,
  type Summary,
} from './core-stats';

const SEED = 'generated:10x500:live';
const TOKENS_PER_ACCOUNT = 500;
const LOGINS = Array.from({ length: 10 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`);
const ROOT = join(import.meta.dirname, '..', '..');
const SECTIONS = ['refresh', 'start', 'import'] as const;
type Section = (typeof SECTIONS)[number];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'import-runs': { type: 'string', default: '5' },
    imports: { type: 'string', default: '5000' },
    'sequential-imports': { type: 'string', default: '500' },
    latency: { type: 'string', default: '200' },
    only: { type: 'string', default: SECTIONS.join(',') },
  },
});
const RUNS = Number(args.runs);
const IMPORT_RUNS = Number(args['import-runs']);
const IMPORTS = Number(args.imports);
const SEQUENTIAL_IMPORTS = Math.min(Number(args['sequential-imports']), IMPORTS);
const LATENCY_MS = Number(args.latency);
const ONLY = new Set(args.only.split(',') as Section[]);

const samples = new Map<string, number[]>();
function record(name: string, ms: number): void {
  const list = samples.get(name) ?? [];
  list.push(ms);
  samples.set(name, list);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const quietLog = {
  error: (message: string) => {
    console.error(`core: ${message}`);
  },
};

/** 10 (or 1) plain parallel fetches of the token list, answers parsed: the floor for a refresh. */
async function rawFetches(sim: SimulatorProcess, cookies: readonly string[]): Promise<number> {
  await sim.setLatency(LATENCY_MS);
  const { ms } = await timed(() =>
    Promise.all(
      cookies.map(async (cookie) => {
        const response = await fetch(`${sim.url}/api/v1/me/tokens`, {
          headers: { Accept: 'application/json', Cookie: `cargo_session=${cookie}` },
        });
        return (await response.json()) as unknown;
      }),
    ),
  );
  await sim.setLatency(0);
  return ms;
}

/** The first refresh of a core signed in to `accounts` accounts, optionally on a template folder. */
async function coreRefresh(
  sim: SimulatorProcess,
  accounts: number,
  template: string | undefined,
  held: number,
): Promise<number> {
  const dataDir = await freshDataDir(template);
  try {
    const bench = await openBenchCore(dataDir);
    await bench.signIn(sim.url, LOGINS.slice(0, accounts));
    await sim.setLatency(LATENCY_MS);
    const { ms, value } = await timed(() => bench.core.handlers['tokens:list']({}));
    await sim.setLatency(0);
    const expected = accounts * TOKENS_PER_ACCOUNT + held;
    if (value.failures.length > 0 || value.tokens.length !== expected) {
      throw new Error(
        `refresh listed ${value.tokens.length} tokens (${value.failures.length} failures), not ${expected}`,
      );
    }
    await bench.core.settled();
    return ms;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function benchRefresh(sim: SimulatorProcess, importedTemplate: string): Promise<void> {
  const cookies = await Promise.all(LOGINS.map((login) => sim.cookieFor(login)));
  for (let run = 0; run < RUNS; run += 1) {
    record('refresh.raw.1', await rawFetches(sim, cookies.slice(0, 1)));
    record('refresh.raw.10', await rawFetches(sim, cookies));
    record('refresh.core.1', await coreRefresh(sim, 1, undefined, 0));
    record('refresh.core.10', await coreRefresh(sim, 10, undefined, 0));
    record('refresh.imports.1', await coreRefresh(sim, 1, importedTemplate, IMPORTS));
    record('refresh.imports.10', await coreRefresh(sim, 10, importedTemplate, IMPORTS));
    process.stdout.write(`  refresh run ${run + 1}/${RUNS} done\n`);
  }
}

const execFileAsync = promisify(execFile);

async function coldStart(template: string, expectedTokens: number): Promise<void> {
  const dataDir = await freshDataDir(template);
  try {
    const { stdout } = await execFileAsync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(import.meta.dirname, 'core-start-child.ts'), dataDir],
      { cwd: ROOT },
    );
    const result = JSON.parse(stdout) as {
      openMs: number;
      firstAnswerMs: number;
      sinceProcessStartMs: number;
      tokens: number;
    };
    if (result.tokens !== expectedTokens) {
      throw new Error(`cold start listed ${result.tokens} tokens, not ${expectedTokens}`);
    }
    const name = expectedTokens === 0 ? 'empty' : 'held';
    record(`start.${name}.open`, result.openMs);
    record(`start.${name}.first-answer`, result.firstAnswerMs);
    record(`start.${name}.since-process-start`, result.sinceProcessStartMs);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function benchStart(emptyTemplate: string, heldTemplate: string): Promise<void> {
  for (let run = 0; run < RUNS; run += 1) {
    await coldStart(emptyTemplate, 0);
    await coldStart(heldTemplate, IMPORTS);
    process.stdout.write(`  start run ${run + 1}/${RUNS} done\n`);
  }
}

/**
 * Imports through the dispatcher, then reopens and checks every new secret.
 * - queue: IMPORTS calls, one per token, issued back to back as an import
 *   queue or a script makes them (each awaited on its own promise, all in
 *   flight), into an empty folder.
 * - sequential: SEQUENTIAL_IMPORTS calls, each awaited before the next, into
 *   a folder already holding IMPORTS - SEQUENTIAL_IMPORTS imported tokens: the
 *   last ones of IMPORTS, where each whole-file write costs the most.
 */
async function importRun(
  templates: { empty: string; partial: string },
  mode: 'sequential' | 'queue',
): Promise<number> {
  const dataDir = await freshDataDir(mode === 'queue' ? templates.empty : templates.partial);
  const keychain: Keychain = { cipher: new MemoryKeychainCipher(), problem: null };
  const count = mode === 'queue' ? IMPORTS : SEQUENTIAL_IMPORTS;
  try {
    const { core } = await openBenchCore(dataDir, keychain);
    const inputs = Array.from({ length: count }, (_, n) => importInput(n));
    const importOne = async (input: (typeof inputs)[number]): Promise<[string, string]> => {
      const answer = await dispatchCall(core.handlers, 'tokens:import', input, quietLog);
      if (!answer.ok) throw new Error(`import failed: ${answer.error.message}`);
      return [(answer.value as { key: string }).key, input.token];
    };
    const { ms, value: imported } = await timed(async () => {
      if (mode === 'queue') return Promise.all(inputs.map(importOne));
      const done: [string, string][] = [];
      for (const input of inputs) done.push(await importOne(input));
      return done;
    });
    await verifyImports(dataDir, keychain, imported, IMPORTS);
    return ms;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A new core on the same folder and key lists every import and reveals every new secret. */
async function verifyImports(
  dataDir: string,
  keychain: Keychain,
  imported: readonly [string, string][],
  listed: number,
): Promise<void> {
  const { core } = await openBenchCore(dataDir, keychain);
  const { tokens } = await core.handlers['tokens:list']({});
  if (tokens.length !== listed) {
    throw new Error(`after reopening, ${tokens.length} of ${listed} imports are listed`);
  }
  for (const [key, secret] of imported) {
    const { secret: revealed } = await core.handlers['tokens:reveal']({ key });
    if (revealed !== secret) throw new Error(`the secret of ${key} did not survive reopening`);
  }
}

async function benchImport(templates: { empty: string; partial: string }): Promise<void> {
  for (let run = 0; run < IMPORT_RUNS; run += 1) {
    record('import.queue', await importRun(templates, 'queue'));
    record('import.sequential', await importRun(templates, 'sequential'));
    process.stdout.write(`  import run ${run + 1}/${IMPORT_RUNS} done\n`);
  }
}

/**
 * Fixture folders: an empty core's, one holding IMPORTS imported tokens, the
 * same with 10 cached lists, and one holding all but SEQUENTIAL_IMPORTS of them.
 */
async function templates(
  sim: SimulatorProcess,
): Promise<{ empty: string; imported: string; held: string; partial: string }> {
  const empty = await freshDataDir();
  const opened = await openBenchCore(empty);
  await opened.core.settled();
  const imported = await freshDataDir();
  await writeImportedFixture(imported, IMPORTS);
  const lists = await Promise.all(
    LOGINS.map(async (login, index) => {
      const cookie = await sim.cookieFor(login);
      const response = await fetch(`${sim.url}/api/v1/me/tokens`, {
        headers: { Accept: 'application/json', Cookie: `cargo_session=${cookie}` },
      });
      const body = (await response.json()) as { api_tokens: unknown[] };
      return {
        accountId: `127.0.0.1#${index + 1}`,
        tokens: body.api_tokens.map((token) => apiTokenWireSchema.parse(token)),
      };
    }),
  );
  const held = await freshDataDir();
  await writeImportedFixture(held, IMPORTS, lists);
  const partial = await freshDataDir();
  await writeImportedFixture(partial, IMPORTS - SEQUENTIAL_IMPORTS);
  return { empty, imported, held, partial };
}

function figure(name: string): Summary | null {
  const values = samples.get(name);
  return values && values.length > 0 ? summarize(values) : null;
}

function printTable(figures: Record<string, Summary>, ratios: Record<string, Ratio>): void {
  const row = (what: string, cells: string[]) => {
    console.log(`| ${[what, ...cells].join(' | ')} |`);
  };
  console.log(
    `\nCore benchmark (${RUNS} runs, ${IMPORT_RUNS} import runs, ${LATENCY_MS} ms latency)\n`,
  );
  row('what', ['subject (min / median)', 'baseline (min / median)', 'ratio (median; min)', 'goal']);
  row('---', ['---', '---', '---', '---']);
  const pair = (what: string, subject: string, baseline: string, ratio: string, goal: string) => {
    const s = figures[subject];
    const b = figures[baseline];
    const r = ratios[ratio];
    if (!s || !b || !r) return;
    row(what, [
      `${subject}: ${formatSummary(s)}`,
      `${baseline}: ${formatSummary(b)}`,
      `${formatRatio(r.median)}; ${formatRatio(r.min)}`,
      goal,
    ]);
  };
  pair('raw fetches, 10 vs 1', 'refresh.raw.10', 'refresh.raw.1', 'refresh.raw', 'floor');
  pair(
    'refresh 10 accounts vs 1, first',
    'refresh.core.10',
    'refresh.core.1',
    'refresh.core',
    '≤ 1.2x',
  );
  pair(
    `same, ${IMPORTS} imported held`,
    'refresh.imports.10',
    'refresh.imports.1',
    'refresh.imports',
    '≤ 1.2x',
  );
  pair(
    `core first answer, ${IMPORTS} secrets vs empty`,
    'start.held.first-answer',
    'start.empty.first-answer',
    'start.first-answer',
    '≤ 1.2x',
  );
  pair(
    'of which opening the storage and core',
    'start.held.open',
    'start.empty.open',
    'start.open',
    'info',
  );
  pair(
    'same, from process start',
    'start.held.since-process-start',
    'start.empty.since-process-start',
    'start.since-process-start',
    'info',
  );
  const queue = figures['import.queue'];
  if (queue) {
    row(`importing ${IMPORTS} tokens, one call each, all in flight`, [
      formatSummary(queue),
      '',
      '',
      '≤ 10 s',
    ]);
  }
  const sequential = figures['import.sequential'];
  if (sequential) {
    row(`importing the last ${SEQUENTIAL_IMPORTS} of ${IMPORTS} one after another (each awaited)`, [
      `${formatSummary(sequential)} (${formatMs(sequential.median / SEQUENTIAL_IMPORTS)} per import)`,
      '',
      '',
      'info',
    ]);
  }
}

async function main(): Promise<void> {
  const sim = await spawnSimulator(SEED);
  const folders = await templates(sim);
  try {
    if (ONLY.has('refresh')) await benchRefresh(sim, folders.imported);
    if (ONLY.has('start')) await benchStart(folders.empty, folders.held);
    if (ONLY.has('import')) await benchImport(folders);
  } finally {
    await sim.close();
    await Promise.all(
      Object.values(folders).map((folder) => rm(folder, { recursive: true, force: true })),
    );
  }
  const figures: Record<string, Summary> = {};
  for (const name of samples.keys()) {
    const summary = figure(name);
    if (summary) figures[name] = summary;
  }
  const ratios: Record<string, Ratio> = {};
  const ratio = (name: string, subject: string, baseline: string) => {
    const s = figures[subject];
    const b = figures[baseline];
    if (s && b) ratios[name] = ratioOf(s, b);
  };
  ratio('refresh.raw', 'refresh.raw.10', 'refresh.raw.1');
  ratio('refresh.core', 'refresh.core.10', 'refresh.core.1');
  ratio('refresh.imports', 'refresh.imports.10', 'refresh.imports.1');
  ratio('start.first-answer', 'start.held.first-answer', 'start.empty.first-answer');
  ratio('start.open', 'start.held.open', 'start.empty.open');
  ratio(
    'start.since-process-start',
    'start.held.since-process-start',
    'start.empty.since-process-start',
  );
  printTable(figures, ratios);

  const results: CoreBenchResults = {
    kind: 'core-bench',
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: machineFacts(),
    parameters: {
      seed: SEED,
      runs: RUNS,
      importRuns: IMPORT_RUNS,
      imports: IMPORTS,
      sequentialImports: SEQUENTIAL_IMPORTS,
      latencyMs: LATENCY_MS,
    },
    figures,
    ratios,
  };
  const previous = await readLatest();
  const dated = await writeResults(results);
  console.log(`\nResults: bench-results/core-latest.json and ${dated}`);
  if (previous) console.log(describeDelta(previous, results).join('\n'));
}

await main();
