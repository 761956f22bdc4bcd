import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { API_GLOBAL } from '../../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES } from '../../shared/ipc/contract';
import { hasElectronBinary } from './electron-binary';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * The real app, launched from the built `.vite/` output. Everything else is
 * tested without Electron (PRODUCT.md, "Why a browser harness"); this spec
 * runs wherever an Electron binary exists and is skipped, with the reason,
 * everywhere else.
 */
test.describe('the Electron app', () => {
  test.skip(
    !hasElectronBinary(),
    'Electron binary not installed here (node_modules/electron/dist missing and ELECTRON_OVERRIDE_DIST_PATH unset): cannot download it on this machine',
  );

  let app: ElectronApplication | undefined;
  let page: Page;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // Main, preload and renderer from the current sources, never a stale build.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
    app = await _electron.launch({
      args: [
        '.',
        // Chromium refuses to start as root with its OS sandbox on (CI runs as
        // root); the app's own renderer sandbox stays on either way.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      cwd: REPO_ROOT,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens the Cratekeeper window', async () => {
    await expect(page).toHaveTitle('Cratekeeper');
  });

  test('gives the page exactly the contract, through the preload', async () => {
    const api = await page.evaluate((globalName) => {
      const exposed = (window as unknown as Record<string, unknown>)[globalName] as
        { invoke: object; subscribe: object } | undefined;
      return exposed
        ? { invoke: Object.keys(exposed.invoke), subscribe: Object.keys(exposed.subscribe) }
        : null;
    }, API_GLOBAL);
    expect(api?.invoke.sort()).toEqual([...CALL_NAMES].sort());
    expect(api?.subscribe.sort()).toEqual([...EVENT_NAMES].sort());
  });

  test('keeps Node out of the page', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
      ipcRenderer: typeof (globalThis as Record<string, unknown>)['ipcRenderer'],
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });
  });
});
