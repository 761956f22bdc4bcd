import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { acceptanceFor, type AcceptedFinding } from './electronegativity-scope';

/**
 * Runs Electronegativity (@doyensec/electronegativity) through its
 * programmatic entry point rather than its CLI, because the CLI exits 0
 * whatever it finds, prints parse failures only as coloured text, and fetches
 * translations from the internet on every start.
 */

const requireHere = createRequire(import.meta.url);
const RUNNER_PATH = requireHere.resolve('@doyensec/electronegativity/dist/runner.js');
const requireFromTool = createRequire(RUNNER_PATH);

export interface Finding {
  readonly check: string;
  /** Repository-relative, or `N/A` for a finding about the app as a whole. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly confidence: string;
  readonly description: string;
  readonly manualReview: boolean;
  /** The flagged line, or for a CSP the policy text. */
  readonly sample: string | null;
}

export interface ParseProblem {
  readonly file: string;
  readonly message: string;
}

export interface ScanReport {
  readonly files: readonly string[];
  readonly atomicChecks: number;
  readonly globalChecks: number;
  readonly findings: readonly Finding[];
  /** Findings that match an entry of `ScanOptions.accepted`; listed, not failures. */
  readonly accepted: readonly { readonly finding: Finding; readonly reason: string }[];
  /** Files the tool could not parse: it skips them silently, so they count as failures. */
  readonly parseErrors: readonly ParseProblem[];
  /** Problems the parser recovered from; reported, not fatal. */
  readonly parseWarnings: readonly ParseProblem[];
}

export interface ScanOptions {
  readonly repoRoot: string;
  /** Repository-relative paths, forward slashes. */
  readonly files: readonly string[];
  /** Check class names to leave out. */
  readonly excludedChecks: readonly string[];
  readonly accepted: readonly AcceptedFinding[];
}

const runResultSchema = z.object({
  globalChecks: z.number(),
  atomicChecks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      location: z.object({ line: z.number(), column: z.number() }),
      description: z.string(),
      severity: z.object({ name: z.string() }),
      confidence: z.object({ name: z.string() }),
      manualReview: z.boolean().optional(),
      sample: z.string().optional(),
    }),
  ),
});

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>;

interface I18n {
  configure(options: Record<string, unknown>): void;
  setLocale(locale: string): void;
}

function isI18n(value: unknown): value is I18n {
  if (typeof value !== 'object' || value === null) return false;
  const methods = value as Record<string, unknown>;
  return typeof methods['configure'] === 'function' && typeof methods['setLocale'] === 'function';
}

/** Puts `exports` in Node's module cache under `path`, so the tool's own `require` gets it. */
function replaceModule(path: string, exports: unknown): void {
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = exports;
  requireFromTool.cache[path] = stub;
}

/**
 * Keeps the scan offline and deterministic. The tool's i18n module downloads
 * a translation file on every run (and crashes the CLI when that times out);
 * our replacement loads the English texts it ships. `got`, its only HTTP
 * client, is replaced by one that refuses, so no check can reach the network
 * either.
 */
function loadOfflineRunner(): Runner {
  const i18nPath = requireFromTool.resolve('./locales/i18n.js');
  const i18n: unknown = requireFromTool('i18n');
  if (!isI18n(i18n)) {
    throw new Error('Electronegativity: its i18n dependency has an unexpected shape.');
  }
  replaceModule(i18nPath, () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  });
  replaceModule(requireFromTool.resolve('got'), () =>
    Promise.reject(new Error('Electronegativity runs offline here: no network requests.')),
  );
  const runner: unknown = requireFromTool(RUNNER_PATH);
  if (typeof runner !== 'function') {
    throw new Error('Electronegativity: dist/runner.js no longer exports a function.');
  }
  return runner as Runner;
}

/**
 * The tool scans one folder, and walking the repository root would also walk
 * node_modules; so the chosen files are copied, at their relative paths, into
 * a temporary folder that is scanned as one app.
 */
function stage(repoRoot: string, files: readonly string[]): string {
  const staging = mkdtempSync(join(tmpdir(), 'cratekeeper-electronegativity-'));
  for (const file of files) {
    const target = join(staging, ...file.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(repoRoot, ...file.split('/')), target);
  }
  return staging;
}

function toRepoPath(staging: string, file: string): string {
  if (file === 'N/A') return file;
  const inRepo = isAbsolute(file) ? relative(staging, file) : file;
  return inRepo.split(sep).join('/');
}

/**
 * Scans `files` with every check except `excludedChecks`, at every severity
 * and confidence; findings silenced by an inline `eng-disable` comment are
 * dropped by the tool itself.
 */
export async function scanWithElectronegativity(options: ScanOptions): Promise<ScanReport> {
  const run = loadOfflineRunner();
  const staging = stage(options.repoRoot, options.files);
  try {
    const raw = await run(
      {
        input: staging,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: options.excludedChecks.map((name) => name.toLowerCase()),
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: true,
        electronUpgrade: undefined,
        electronVersionOverride: undefined,
        parserPlugins: [],
      },
      false,
    );
    const result = runResultSchema.parse(raw);
    const problems = (tolerable: boolean): ParseProblem[] =>
      result.errors
        .filter((error) => error.tolerable === tolerable)
        .map((error) => ({ file: toRepoPath(staging, error.file), message: error.message }));
    const all: Finding[] = result.issues.map((issue) => ({
      check: issue.id,
      file: toRepoPath(staging, issue.file),
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
      manualReview: issue.manualReview ?? false,
      sample: issue.sample ?? null,
    }));
    const findings: Finding[] = [];
    const accepted: { finding: Finding; reason: string }[] = [];
    for (const finding of all) {
      const entry = acceptanceFor(finding, options.accepted);
      if (entry) accepted.push({ finding, reason: entry.reason });
      else findings.push(finding);
    }
    return {
      files: options.files,
      atomicChecks: result.atomicChecks,
      globalChecks: result.globalChecks,
      findings,
      accepted,
      parseErrors: problems(false),
      parseWarnings: problems(true),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
