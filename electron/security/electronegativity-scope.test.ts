import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../content-security-policy';
import {
  ACCEPTED_FINDINGS,
  acceptanceFor,
  EXCLUDED_CHECKS,
  isScanned,
  scannedFiles,
} from './electronegativity-scope';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

describe('isScanned', () => {
  it('takes the shipped sources of main, preload, core, shared and renderer', () => {
    for (const path of [
      'electron/main.ts',
      'electron/preload.ts',
      'electron/app-protocol.ts',
      'electron/adapters/sign-in-window.ts',
      'electron/core/core.ts',
      'shared/ipc/contract.ts',
      'renderer/main.tsx',
      'renderer/index.html',
      'package.json',
    ]) {
      expect(isScanned(path), path).toBe(true);
    }
  });

  it('leaves out tests, fakes, this tooling, other folders and other file types', () => {
    for (const path of [
      'electron/shell.test.ts',
      'renderer/features/tokens/TokenTable.test.tsx',
      'electron/test-support/fake-electron.ts',
      'electron/core/test-support/memory-keychain.ts',
      'shared/test-support/fixtures.ts',
      'electron/security/lint-electron.ts',
      'e2e/harness/app.ts',
      'forge.config.ts',
      'renderer/public/icon.svg',
      'electron/node_modules/x/index.js',
    ]) {
      expect(isScanned(path), path).toBe(false);
    }
  });
});

describe('scannedFiles', () => {
  it('finds the entry points and the page of this repository', () => {
    const files = scannedFiles(REPO_ROOT);
    expect(files).toEqual(
      expect.arrayContaining([
        'electron/main.ts',
        'electron/preload.ts',
        'renderer/index.html',
        'package.json',
      ]),
    );
    expect(files.filter((file) => file.includes('.test.'))).toEqual([]);
  });
});

describe('EXCLUDED_CHECKS', () => {
  it('gives every exclusion a reason', () => {
    for (const [check, reason] of Object.entries(EXCLUDED_CHECKS)) {
      expect(reason.length, check).toBeGreaterThan(10);
    }
  });
});

describe('ACCEPTED_FINDINGS', () => {
  it('accepts the CSP finding only for the policy the page carries today', () => {
    const page = readFileSync(resolve(REPO_ROOT, 'renderer/index.html'), 'utf8');
    expect(page).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    const finding = { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html' };
    expect(
      acceptanceFor({ ...finding, sample: META_CONTENT_SECURITY_POLICY }, ACCEPTED_FINDINGS),
    ).toBeDefined();
    expect(
      acceptanceFor(
        { ...finding, sample: `${META_CONTENT_SECURITY_POLICY}; script-src 'unsafe-eval'` },
        ACCEPTED_FINDINGS,
      ),
    ).toBeUndefined();
    expect(
      acceptanceFor(
        { ...finding, file: 'renderer/other.html', sample: META_CONTENT_SECURITY_POLICY },
        ACCEPTED_FINDINGS,
      ),
    ).toBeUndefined();
  });
});
