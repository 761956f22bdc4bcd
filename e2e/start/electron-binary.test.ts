import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, missingElectronMessage } from './electron-binary';

/** A checkout with the electron package installed, and optionally its binary. */
function checkout({ pathTxt, binary }: { pathTxt?: string; binary?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'cratekeeper-electron-'));
  const packageDir = join(root, 'node_modules', 'electron');
  mkdirSync(join(packageDir, 'dist'), { recursive: true });
  if (pathTxt !== undefined) writeFileSync(join(packageDir, 'path.txt'), pathTxt);
  if (binary !== undefined) writeFileSync(join(packageDir, 'dist', binary), '');
  return root;
}

describe('electronBinaryPath', () => {
  it('finds the executable path.txt names in the package’s dist folder', () => {
    const root = checkout({ pathTxt: 'electron', binary: 'electron' });
    expect(electronBinaryPath({}, root)).toBe(join(root, 'node_modules/electron/dist/electron'));
  });

  it('is null where the download never happened (no path.txt, empty dist)', () => {
    expect(electronBinaryPath({}, checkout({}))).toBeNull();
  });

  it('is null where path.txt names a binary that is not there', () => {
    expect(electronBinaryPath({}, checkout({ pathTxt: 'electron' }))).toBeNull();
  });

  it('takes ELECTRON_OVERRIDE_DIST_PATH first, when it exists', () => {
    const root = checkout({});
    const dist = mkdtempSync(join(tmpdir(), 'electron-dist-'));
    expect(electronBinaryPath({ ELECTRON_OVERRIDE_DIST_PATH: dist }, root)).toBe(dist);
    const installed = checkout({ pathTxt: 'electron', binary: 'electron' });
    expect(
      electronBinaryPath({ ELECTRON_OVERRIDE_DIST_PATH: join(dist, 'gone') }, installed),
    ).toBeNull();
  });
});

describe('missingElectronMessage', () => {
  it('is one line that points to the preview', () => {
    const message = missingElectronMessage({});
    expect(message).not.toContain('\n');
    expect(message).toContain('npm run preview');
    expect(message).toContain('node_modules/electron/dist');
  });

  it('names an override that does not exist', () => {
    expect(missingElectronMessage({ ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' })).toContain(
      'ELECTRON_OVERRIDE_DIST_PATH (/nowhere) does not exist',
    );
  });
});

describe('npm start’s check (check-electron.ts)', () => {
  const script = resolve(import.meta.dirname, 'check-electron.ts');
  const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

  it('prints one line and exits 1 without the binary, 0 with one', () => {
    const missing = spawnSync(tsx, [script], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nowhere/electron-dist' },
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toEqual([
      missingElectronMessage({ ELECTRON_OVERRIDE_DIST_PATH: '/nowhere/electron-dist' }),
    ]);
    const present = spawnSync(tsx, [script], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tmpdir() },
      encoding: 'utf8',
    });
    expect(present.status).toBe(0);
  });
});
