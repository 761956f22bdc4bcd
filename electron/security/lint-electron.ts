import { resolve } from 'node:path';
import { scanWithElectronegativity, type ScanReport } from './electronegativity';
import { ACCEPTED_FINDINGS, EXCLUDED_CHECKS, scannedFiles } from './electronegativity-scope';

/**
 * `npm run lint:electron`: Electronegativity over the shipped sources. Exits 1
 * on any finding or any file the tool could not parse, 2 if the scan itself
 * broke. A finding we accept is silenced beside the code it is about, with
 * `eng-disable CHECK_ID` and the reason in the same comment.
 */

const REPO_ROOT = resolve(import.meta.dirname, '../..');

function countByKind(files: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const file of files) {
    const kind = file.slice(file.lastIndexOf('.') + 1);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `${String(count)} ${kind}`)
    .join(', ');
}

function print(report: ScanReport): void {
  console.log(
    `Electronegativity: ${String(report.files.length)} files (${countByKind(report.files)}) under ` +
      `electron/, shared/, renderer/ and package.json; ${String(report.atomicChecks)} atomic and ` +
      `${String(report.globalChecks)} global checks; left out: ${Object.keys(EXCLUDED_CHECKS).join(', ')}.`,
  );
  for (const warning of report.parseWarnings) {
    console.log(`  parsed with warnings: ${warning.file}: ${warning.message}`);
  }
  for (const error of report.parseErrors) {
    console.error(`  NOT PARSED (so not checked): ${error.file}: ${error.message}`);
  }
  for (const { finding, reason } of report.accepted) {
    console.log(`  accepted: ${finding.check} ${finding.file}: ${reason}`);
  }
  for (const finding of report.findings) {
    const review = finding.manualReview ? ', review required' : '';
    console.error(
      `  ${finding.check} (${finding.severity}, ${finding.confidence}${review}) ` +
        `${finding.file}:${String(finding.line)}:${String(finding.column)}: ${finding.description}`,
    );
  }
  console.log(
    `Electronegativity: ${String(report.findings.length)} findings, ` +
      `${String(report.parseErrors.length)} files not parsed.`,
  );
}

async function main(): Promise<number> {
  const report = await scanWithElectronegativity({
    repoRoot: REPO_ROOT,
    files: scannedFiles(REPO_ROOT),
    excludedChecks: Object.keys(EXCLUDED_CHECKS),
    accepted: ACCEPTED_FINDINGS,
  });
  print(report);
  return report.findings.length > 0 || report.parseErrors.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Electronegativity could not run:', error);
    process.exitCode = 2;
  },
);
