import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';

/** A well-formed crates.io token: `cio` + 32 letters and digits. */
const SECRET = `cio${'Zx9c'.repeat(8)}`;

function nav(app: Page, label: string) {
  return app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label });
}

async function openSection(app: Page, label: string): Promise<void> {
  await nav(app, label).click();
  await expect(app.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/**
 * Issue 13: axe clean on every page, and on the dialogs a new user opens
 * first, in both colour schemes: every page at the usual width, the pages
 * whose layout narrows also at 1024 px; a dialog is scanned on its own (the
 * page behind a modal is hidden from assistive technology).
 */
const PAGES_AT: ReadonlyMap<number, readonly string[]> = new Map([
  [1320, ['Tokens', 'Crates', 'New token', 'Accounts', 'Settings']],
  [1024, ['Tokens', 'Crates']],
]);

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [width, pages] of PAGES_AT) {
    test.describe(`axe, ${colorScheme} at ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: 820 } });

      // One page per test: a scan takes seconds on a loaded machine.
      for (const label of pages) {
        test(`the ${label} page`, async ({ app }) => {
          await expect(app.getByRole('table', { name: 'Tokens' })).toBeVisible();
          if (label !== 'Tokens') await openSection(app, label);
          // The whole page: its crates have arrived, not only its heading.
          if (label === 'Crates') {
            await expect(
              app.getByRole('list', { name: 'Crates', exact: true }).getByRole('listitem').first(),
            ).toBeVisible();
          }
          await expectNoAxeViolations(app);
        });
      }
    });
  }

  test.describe(`axe, ${colorScheme}, the builder`, () => {
    test.use({ colorScheme, viewport: { width: 1320, height: 820 } });

    test('the builder with its checks showing', async ({ app }) => {
      await openSection(app, 'New token');
      // aria-disabled keeps Create focusable: pressing it shows every check.
      await app.getByRole('button', { name: 'Create token' }).focus();
      await app.keyboard.press('Enter');
      await expect(app.getByText('Fix the marked fields first: nothing was sent.')).toBeVisible();
      await expectNoAxeViolations(app);
    });
  });

  // Dialogs do not change with the window's width: scanned at the usual one.
  test.describe(`axe, ${colorScheme} dialogs`, () => {
    test.use({ colorScheme, viewport: { width: 1320, height: 820 } });

    // One scan per test: axe takes seconds per scan on a loaded machine.
    const dialogs = [
      ['Revoke', 'Revoke CI: quill'],
      ['Rotate', 'Rotate CI: quill'],
      ['Forget', 'Forget desk import'],
      ['Import', 'Import token'],
    ] as const;
    for (const [title, button] of dialogs) {
      test(`the ${title} dialog`, async ({ app, harness }) => {
        if (title === 'Forget') {
          await harness.core.handlers['tokens:import']({
            registryName: 'crates-io',
            name: 'desk import',
            token: SECRET,
            expiresAt: null,
          });
          await app.getByRole('button', { name: 'Refresh' }).click();
        }
        await app.getByRole('button', { name: button, exact: true }).click();
        const dialog = app.getByRole('dialog', { name: new RegExp(`^${title}`) });
        await expect(dialog).toBeVisible();
        await expectNoAxeViolations(app, { include: '[role="dialog"]' });
      });
    }
  });
}
