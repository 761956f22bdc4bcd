import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type HarnessOptions, type RunningHarness } from './harness/harness';

const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#b7410e"/></svg>';

interface HarnessFixtures {
  /** Options for this test's harness; override with `test.use({ harnessOptions: ... })`. */
  harnessOptions: HarnessOptions;
  /**
   * Whether `app` opens the harness's page at once (the default). A spec that
   * prepares the core first (more accounts, say) starts on a blank page
   * instead, so the app does not load twice.
   */
  openAppAtOnce: boolean;
  /** A fresh simulator + core + served renderer for this test. */
  harness: RunningHarness;
  /** The page, opened on the harness. */
  app: Page;
}

/** Every spec imports `test` from here: one place for harness, sign-in and page set-up. */
export const test = base.extend<HarnessFixtures>({
  harnessOptions: [{}, { option: true }],
  openAppAtOnce: [true, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    const harness = await startHarness(harnessOptions);
    await use(harness);
    await harness.close();
  },
  app: async ({ page, harness, openAppAtOnce }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    // Seeded users have GitHub avatar URLs, as on crates.io; this network is
    // closed, so the fixture answers them with a plain image.
    await page.route(/^https:\/\/([a-z0-9-]+\.)*githubusercontent\.com\//, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: AVATAR_SVG }),
    );
    await page.goto(openAppAtOnce ? harness.url : 'about:blank');
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

/** Fails the test with axe-core's findings when the page has accessibility violations. */
export async function expectNoAxeViolations(
  page: Page,
  options: { readonly include?: string } = {},
): Promise<void> {
  // Legacy mode: axe runs in the page in one go. The default runs it per frame
  // and then merges the results in a blank page of its own, which doubled a
  // scan of the Crates page (3,000 elements: 11 s quiet, over 60 s on a loaded
  // machine). Our pages have no frames, so nothing is lost.
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  // A modal hides the page behind it from assistive technology: scanning just the dialog is enough.
  if (options.include !== undefined) builder.include(options.include);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.length} nodes: ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')})`,
  );
  expect(summary).toEqual([]);
}

export { expect };
