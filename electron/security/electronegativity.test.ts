import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanWithElectronegativity, type ScanReport } from './electronegativity';

/**
 * A small app in a temporary folder, written in the TypeScript we write
 * (satisfies, `as const`, type-only imports, generics), so the test shows the
 * tool's old parser really reads such files and its checks fire on them.
 */
const FIXTURE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', devDependencies: { electron: '^45.5.0' } }),
  'src/unsafe-window.ts': `
import { BrowserWindow, type WebPreferences } from 'electron';
const preferences = { nodeIntegration: true } satisfies WebPreferences;
export function open<T extends object>(extra: T): BrowserWindow {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  const loading = { url: 'app://x/index.html' } as const;
  void window.loadURL(loading.url);
  return Object.assign(window, extra, { preferences })!;
}
`,
  'src/reviewed-link.ts': `
import { shell } from 'electron';
export function openReviewed(url: string): void {
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: reviewed in this test
}
`,
  'src/unreviewed-link.ts': `
import { shell } from 'electron';
export const openAnything = (url: string): Promise<void> => shell.openExternal(url);
`,
  'src/broken.ts': `export const = ;\n`,
};

function writeFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'cratekeeper-eng-fixture-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('scanWithElectronegativity', () => {
  let report: ScanReport;

  beforeAll(async () => {
    report = await scanWithElectronegativity({
      repoRoot: writeFixture(),
      files: Object.keys(FIXTURE),
      excludedChecks: ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'],
      accepted: [],
    });
  }, 60_000);

  const checksIn = (file: string): string[] =>
    report.findings.filter((finding) => finding.file === file).map((finding) => finding.check);

  it('parses modern TypeScript and finds what is wrong in it', () => {
    expect(checksIn('src/unsafe-window.ts')).toEqual(
      expect.arrayContaining([
        'NODE_INTEGRATION_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
      ]),
    );
  });

  it('reports a file it cannot parse instead of skipping it silently', () => {
    expect(report.parseErrors.map((error) => error.file)).toEqual(['src/broken.ts']);
  });

  it('honours an eng-disable comment on the flagged line, and only there', () => {
    expect(checksIn('src/reviewed-link.ts')).toEqual([]);
    expect(checksIn('src/unreviewed-link.ts')).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
  });

  it('runs the global checks too, with repository-relative paths', () => {
    expect(report.globalChecks).toBeGreaterThan(0);
    expect(report.atomicChecks).toBeGreaterThan(0);
    const global = report.findings.filter((finding) => finding.file === 'N/A');
    expect(global.map((finding) => finding.check)).toContain('CSP_GLOBAL_CHECK');
    for (const finding of report.findings) expect(finding.file).not.toContain(tmpdir());
  });
});

describe('accepted findings', () => {
  it('set aside only the exact finding they name', async () => {
    const root = writeFixture();
    const report = await scanWithElectronegativity({
      repoRoot: root,
      files: ['package.json', 'src/unreviewed-link.ts'],
      excludedChecks: ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'],
      accepted: [
        {
          check: 'OPEN_EXTERNAL_JS_CHECK',
          file: 'src/unreviewed-link.ts',
          sample:
            'export const openAnything = (url: string): Promise<void> => shell.openExternal(url);',
          reason: 'test',
        },
      ],
    });
    expect(report.accepted.map(({ finding }) => finding.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(report.findings.map((finding) => finding.check)).not.toContain('OPEN_EXTERNAL_JS_CHECK');
  }, 60_000);
});
