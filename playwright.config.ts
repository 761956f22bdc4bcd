import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // The flags keep Chromium from reaching for Google's hosts on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
