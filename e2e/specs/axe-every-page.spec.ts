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
 * first, in both colour schemes, at the narrowest supported width and the
 * usual one. Each scan looks at the whole page (the dialog over its page).
 */
for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1320, 1024]) {
    test.describe(`axe, ${colorScheme} at ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: 820 } });

      test('every page', async ({ app }) => {
        await expect(app.getByRole('table', { name: 'Tokens' })).toBeVisible();
        await expectNoAxeViolations(app);
        const labels = await app
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button')
          .allTextContents();
        expect(labels.length).toBeGreaterThanOrEqual(4);
        for (const label of ['New token', 'Accounts', 'Settings']) {
          await openSection(app, label);
          await expectNoAxeViolations(app);
        }
      });

      test('the builder with its checks showing', async ({ app }) => {
        await openSection(app, 'New token');
        // aria-disabled keeps Create focusable: pressing it shows every check.
        await app.getByRole('button', { name: 'Create token' }).focus();
        await app.keyboard.press('Enter');
        await expect(app.getByText('Fix the marked fields first: nothing was sent.')).toBeVisible();
        await expectNoAxeViolations(app);
      });
    });
  }

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
