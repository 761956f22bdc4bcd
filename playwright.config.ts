import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium';

/**
 * Playwright drives Debian's Chromium (never a downloaded browser: these
 * machines cannot fetch one). Specs start their own browser harness through
 * the fixtures in e2e/fixtures.ts, so no webServer is configured here.
 */
export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/skip-reason-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    // The harness, the core and the simulator run in the worker's own
    // process, so a trace's DOM snapshots and screencast (taken after every
    // action) starve the app under test: 25-40% longer specs on a busy
    // machine. Failures keep the action log, the network, the console, an
    // ARIA snapshot (error-context.md) and a screenshot.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: false },
    screenshot: 'only-on-failure',
  },
});
