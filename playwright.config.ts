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
    trace: 'retain-on-failure',
  },
});
