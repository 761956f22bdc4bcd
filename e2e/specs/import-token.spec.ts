import { addDays, format } from 'date-fns';
import type { Page } from '@playwright/test';
import type { CallName } from '../../shared/ipc/contract';
import { HARNESS_CALL_PATH } from '../harness/paths';
import { expect, expectNoAxeViolations, test } from '../fixtures';

/** A well-formed crates.io token: `cio` + 32 letters and digits. */
const CRATES_IO_SECRET = `cio${'Kp7x'.repeat(8)}`;

async function openImport(app: Page) {
  await expect(app.getByRole('table', { name: 'Tokens' })).toBeVisible();
  await app.getByRole('button', { name: 'Import token' }).click();
  return app.getByRole('dialog', { name: 'Import a token' });
}

test.describe('import a token', () => {
  test('refuses a malformed crates.io token as it is typed, and imports a good one', async ({
    app,
    harness,
  }) => {
    const dialog = await openImport(app);
    await dialog.getByLabel('Name', { exact: true }).fill('laptop (pasted)');
    const token = dialog.getByLabel('Token', { exact: true });
    await expect(token).toHaveAttribute('type', 'password');

    await token.fill('cio123');
    await expect(token).toHaveAttribute('aria-invalid', 'true');
    await expect(token).toHaveAccessibleDescription(
      /32 letters and digits after "cio"; this one has 3/,
    );
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(token).toBeFocused();
    await expect(dialog).toBeVisible();

    await token.fill(CRATES_IO_SECRET);
    await expect(token).toHaveAttribute('aria-invalid', 'false');
    const expiresOn = format(addDays(new Date(), 60), 'yyyy-MM-dd');
    // The builder's MUI date picker (issue 13): typed section by section.
    await dialog
      .getByRole('group', { name: 'Expires on (optional)' })
      .getByRole('spinbutton', { name: 'Year' })
      .click();
    await app.keyboard.type(expiresOn.replaceAll('-', ''));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();

    const row = app.getByRole('table', { name: 'Tokens' }).getByRole('row', {
      name: /laptop \(pasted\)/,
    });
    await expect(row.getByRole('img', { name: 'Secret held in Cratekeeper' })).toBeVisible();
    // Its only known date is the import's (issue 13).
    await expect(row).toContainText('Imported');
    await expect(row).toContainText('crates-io');
    await expect(row).toContainText('in 2 months');

    const { tokens } = await harness.core.handlers['tokens:list']({});
    expect(tokens.find((entry) => entry.name === 'laptop (pasted)')).toMatchObject({
      source: 'imported',
      registryName: 'crates-io',
      secretHeld: true,
    });
  });

  test('imports a token for another registry by its cargo name', async ({ app, harness }) => {
    const dialog = await openImport(app);
    await dialog.getByRole('radio', { name: 'Another registry' }).check();
    const registry = dialog.getByLabel('Registry name in cargo config');
    await registry.fill('my corp');
    await expect(registry).toHaveAccessibleDescription(
      /Invalid character " " in registry name: use letters, digits/,
    );
    await registry.fill('my-corp');
    await dialog.getByLabel('Name', { exact: true }).fill('corp CI');
    // Not a crates.io token, and another registry's tokens need not be.
    await dialog.getByLabel('Token', { exact: true }).fill('corp_4f2a-9e1b.77');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();

    const row = app.getByRole('table', { name: 'Tokens' }).getByRole('row', { name: /corp CI/ });
    await expect(row).toContainText('my-corp');
    // No expiry given: when it expires is not known (issue 13), not "never".
    await expect(row).toContainText('not known');
    await expect(row.getByRole('img', { name: 'Secret held in Cratekeeper' })).toBeVisible();
    const { tokens } = await harness.core.handlers['tokens:list']({});
    expect(tokens.find((entry) => entry.name === 'corp CI')).toMatchObject({
      registryName: 'my-corp',
      expiresAt: null,
    });
  });

  test('shows a held secret only after Reveal, and forgets it when closed', async ({
    app,
    harness,
  }) => {
    const imported = await harness.core.handlers['tokens:import']({
      registryName: 'crates-io',
      name: 'release laptop',
      token: CRATES_IO_SECRET,
      expiresAt: null,
    });
    const reveal: CallName = 'tokens:reveal';
    const revealCalls: string[] = [];
    app.on('request', (request) => {
      if (new URL(request.url()).pathname === `${HARNESS_CALL_PATH}${encodeURIComponent(reveal)}`) {
        revealCalls.push(request.url());
      }
    });

    await app.getByRole('button', { name: 'Refresh' }).click();
    const table = app.getByRole('table', { name: 'Tokens' });
    // Only tokens whose secret is held offer it; the seeded ones are not held.
    await expect(table.getByRole('button', { name: /^Show secret of / })).toHaveCount(1);
    await table.getByRole('button', { name: `Show secret of ${imported.name}` }).click();

    const dialog = app.getByRole('dialog', { name: `Secret of ${imported.name}` });
    const secret = dialog.getByLabel('Secret', { exact: true });
    await expect(secret).toHaveValue(/^•+$/);
    await expect(dialog).not.toContainText(CRATES_IO_SECRET);
    expect(revealCalls).toEqual([]);

    await dialog.getByRole('button', { name: 'Reveal' }).click();
    await expect(secret).toHaveValue(CRATES_IO_SECRET);
    expect(revealCalls).toHaveLength(1);

    await dialog.getByRole('button', { name: 'Hide' }).click();
    await expect(secret).toHaveValue(/^•+$/);
    await dialog.getByRole('button', { name: 'Reveal' }).click();
    await expect(secret).toHaveValue(CRATES_IO_SECRET);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // Opened again, it starts masked: the secret did not outlive the dialog.
    await table.getByRole('button', { name: `Show secret of ${imported.name}` }).click();
    await expect(secret).toHaveValue(/^•+$/);
    expect(revealCalls).toHaveLength(2);
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('Copy puts the secret on the clipboard without showing it', async ({ app, harness }) => {
    const imported = await harness.core.handlers['tokens:import']({
      registryName: 'crates-io',
      name: 'release laptop',
      token: CRATES_IO_SECRET,
      expiresAt: null,
    });
    const copyCalls: string[] = [];
    app.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(HARNESS_CALL_PATH)) copyCalls.push(decodeURIComponent(path));
    });
    await app.getByRole('button', { name: 'Refresh' }).click();
    await app
      .getByRole('table', { name: 'Tokens' })
      .getByRole('button', { name: `Show secret of ${imported.name}` })
      .click();
    const dialog = app.getByRole('dialog', { name: `Secret of ${imported.name}` });
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(
      app.getByText(
        `Copied the secret of ${imported.name}. The clipboard is cleared in 30 seconds.`,
      ),
    ).toBeVisible();
    expect(harness.clipboard.text).toBe(CRATES_IO_SECRET);
    // Straight from the vault to the clipboard: never revealed to the page.
    await expect(dialog.getByLabel('Secret', { exact: true })).toHaveValue(/^•+$/);
    expect(copyCalls.filter((call) => call.endsWith('tokens:reveal'))).toEqual([]);
    expect(copyCalls.filter((call) => call.endsWith('tokens:copy'))).toHaveLength(1);
  });

  test('the list with a held secret has no accessibility violations', async ({ app, harness }) => {
    await harness.core.handlers['tokens:import']({
      registryName: 'my-corp',
      name: 'corp CI',
      token: 'corp_4f2a-9e1b.77',
      expiresAt: null,
    });
    await app.getByRole('button', { name: 'Refresh' }).click();
    const row = app.getByRole('table', { name: 'Tokens' }).getByRole('row', { name: /corp CI/ });
    await row.scrollIntoViewIfNeeded();
    await expect(row.getByRole('button', { name: 'Show secret of corp CI' })).toBeVisible();
    await expectNoAxeViolations(app);
  });

  test('the secret dialog has no accessibility violations', async ({ app, harness }) => {
    await harness.core.handlers['tokens:import']({
      registryName: 'crates-io',
      name: 'release laptop',
      token: CRATES_IO_SECRET,
      expiresAt: null,
    });
    await app.getByRole('button', { name: 'Refresh' }).click();
    await app.getByRole('button', { name: 'Show secret of release laptop' }).click();
    const dialog = app.getByRole('dialog', { name: 'Secret of release laptop' });
    await dialog.getByRole('button', { name: 'Reveal' }).click();
    await expect(dialog.getByLabel('Secret', { exact: true })).toHaveValue(CRATES_IO_SECRET);
    await expectNoAxeViolations(app);
  });

  test('the import dialog has no accessibility violations', async ({ app }) => {
    const dialog = await openImport(app);
    const token = dialog.getByLabel('Token', { exact: true });
    await token.fill('not a token');
    await expect(token).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(app);
  });
});
