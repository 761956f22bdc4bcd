import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from '../content-security-policy';

/**
 * What `npm run lint:electron` hands to Electronegativity: the code that ships
 * in the app. The main process and preload (electron/, with the core), what
 * both processes import (shared/), the renderer with its index.html (where
 * the CSP meta tag lives), and package.json (its Electron version sets which
 * defaults the checks assume; its scripts are checked for dangerous flags).
 */
export const SCANNED_FOLDERS = ['electron', 'shared', 'renderer'] as const;
export const SCANNED_FILES = ['package.json'] as const;

/** The file types Electronegativity parses; it skips everything else. */
const SCANNED_EXTENSIONS = ['.ts', '.tsx', '.js', '.html'];

/**
 * Never shipped, so never scanned: tests and their fakes (they build hostile
 * pages on purpose) and this tooling itself.
 */
function isShippedSource(path: string): boolean {
  const parts = path.split('/');
  if (parts.includes('node_modules') || parts.includes('test-support')) return false;
  if (path.startsWith('electron/security/')) return false;
  return !/\.test\.tsx?$/.test(path);
}

/** Whether a repository-relative path (forward slashes) is in the scan. */
export function isScanned(path: string): boolean {
  if ((SCANNED_FILES as readonly string[]).includes(path)) return true;
  if (!SCANNED_FOLDERS.some((folder) => path.startsWith(`${folder}/`))) return false;
  return SCANNED_EXTENSIONS.some((ext) => path.endsWith(ext)) && isShippedSource(path);
}

/** Every scanned file under `repoRoot`, repository-relative with forward slashes, sorted. */
export function scannedFiles(repoRoot: string): string[] {
  const found: string[] = [...SCANNED_FILES];
  for (const folder of SCANNED_FOLDERS) {
    const entries = readdirSync(join(repoRoot, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      found.push(relative(repoRoot, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return found.filter(isScanned).sort();
}

/**
 * Checks left out, each with its reason. Everything else Electronegativity
 * has runs, at every severity and confidence.
 */
export const EXCLUDED_CHECKS: Readonly<Record<string, string>> = {
  // It downloads Electron's release list from GitHub on every run; the scan
  // must work offline. Which Electron we ship is pinned in package.json and
  // kept current by dependency updates.
  AvailableSecurityFixesGlobalCheck: 'needs the network (downloads Electron release data)',
  // Its only use is to feed the check above; on its own it reports the
  // Electron version in package.json as a finding on every run.
  ElectronVersionJSONCheck: 'only feeds AvailableSecurityFixesGlobalCheck',
};

/** A finding we reviewed and accept, where no comment can sit beside the code. */
export interface AcceptedFinding {
  readonly check: string;
  readonly file: string;
  /** The exact flagged text: the acceptance lapses as soon as that text changes. */
  readonly sample: string;
  readonly reason: string;
}

/**
 * Inline `eng-disable` comments are the rule. These are the exceptions, for
 * files this tooling may not edit or that cannot hold a comment that the tool
 * reads on the flagged line.
 */
export const ACCEPTED_FINDINGS: readonly AcceptedFinding[] = [
  {
    // csp-evaluator flags every `script-src 'self'` ("problematic if you host
    // JSONP, Angular or user uploaded files"). On file:// that was true: 'self'
    // matched any local file. The page now comes from app://cratekeeper, whose
    // handler serves only the renderer's build folder, none of those. The
    // acceptance is pinned to the reviewed policy text, so any change to the
    // meta tag's policy is flagged again.
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    sample: META_CONTENT_SECURITY_POLICY,
    reason: "script-src 'self' is app://cratekeeper, which serves only our built renderer",
  },
];

/** The entry of `accepted` that covers `finding`, if any. */
export function acceptanceFor(
  finding: { readonly check: string; readonly file: string; readonly sample: string | null },
  accepted: readonly AcceptedFinding[],
): AcceptedFinding | undefined {
  return accepted.find(
    (entry) =>
      entry.check === finding.check &&
      entry.file === finding.file &&
      entry.sample === finding.sample,
  );
}
