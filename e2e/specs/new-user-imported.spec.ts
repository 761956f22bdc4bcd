import { expect, expectNoAxeViolations, test } from '../fixtures';

/** A well-formed crates.io token: `cio` + 32 letters and digits. */
const SECRET = `cio${'Qw3r'.repeat(8)}`;

/** Issue 13, item 2: an imported token says what the app does not know, and can be forgotten. */
test.describe('a new user with an imported token', () => {
  test('sees "not known" for what nobody told the app, and "Imported DATE"', async ({
    app,
    harness,
  }) => {
    await harness.core.handlers['tokens:import']({
      registryName: 'crates-io',
      name: 'desk import',
      token: SECRET,
      expiresAt: null,
    });
    await app.getByRole('button', { name: 'Refresh' }).click();
    const row = app
      .getByRole('table', { name: 'Tokens' })
      .getByRole('row', { name: /desk import/ });
    const cells = row.getByRole('cell');
    // Name, Account, Endpoint scopes, Crate patterns, Created, Last used, Expiry, Status, Actions.
    await expect(cells.nth(1)).toHaveText(/^not known\s*crates-io$/);
    await expect(cells.nth(2)).toHaveText('not known');
    await expect(cells.nth(3)).toHaveText('not known');
    await expect(cells.nth(4)).toContainText(/^Imported\s*\d{1,2} \w{3} \d{4}$/);
    await expect(cells.nth(5)).toHaveText('not known');
    await expect(cells.nth(6)).toHaveText('not known');
    await expect(cells.nth(7)).toHaveText('Not known');
    await expect(row).not.toContainText('any crate');
    await expect(row).not.toContainText('No expiry');
    await expect(row).not.toContainText('never');
  });

  test('forgets an imported token, row and secret, after confirming', async ({ app, harness }) => {
    const imported = await harness.core.handlers['tokens:import']({
      registryName: 'crates-io',
      name: 'desk import',
      token: SECRET,
      expiresAt: null,
    });
    await app.getByRole('button', { name: 'Refresh' }).click();
    const table = app.getByRole('table', { name: 'Tokens' });
    const row = table.getByRole('row', { name: /desk import/ });
    await row.getByRole('button', { name: 'Forget desk import' }).click();

    const dialog = app.getByRole('dialog', { name: 'Forget “desk import”?' });
    await expect(dialog).toContainText('forgets the secret it holds');
    await expect(dialog).toContainText('keeps working on crates-io');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();

    await row.getByRole('button', { name: 'Forget desk import' }).click();
    await dialog.getByRole('button', { name: 'Forget' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(app.getByText('Forgot “desk import”.')).toBeVisible();

    const { tokens } = await harness.core.handlers['tokens:list']({});
    expect(tokens.some((token) => token.key === imported.key)).toBe(false);
    const reveal = await harness.core.handlers['tokens:reveal']({ key: imported.key }).then(
      () => 'revealed',
      () => 'gone',
    );
    expect(reveal).toBe('gone');
  });

  // An axe scan takes tens of seconds on a loaded machine: in a test of its own.
  test('the imported row and the Forget dialog have no accessibility violations', async ({
    app,
    harness,
  }) => {
    await harness.core.handlers['tokens:import']({
      registryName: 'crates-io',
      name: 'desk import',
      token: SECRET,
      expiresAt: null,
    });
    await app.getByRole('button', { name: 'Refresh' }).click();
    await app.getByRole('button', { name: 'Forget desk import' }).click();
    await expect(app.getByRole('dialog', { name: 'Forget “desk import”?' })).toBeVisible();
    await expectNoAxeViolations(app);
  });
});
