import { expect, expectNoAxeViolations, test } from '../fixtures';

test.describe('token list', () => {
  test('shows the seeded tokens of the signed-in demo account', async ({ app, harness }) => {
    const listed = await harness.core.handlers['tokens:list']({});
    expect(listed.tokens.length).toBeGreaterThan(5);
    const table = app.getByRole('table');
    await expect(table).toBeVisible();
    // The newest tokens come first and are on screen without scrolling.
    for (const token of listed.tokens.slice(0, 5)) {
      await expect(table.getByRole('row').filter({ hasText: token.name }).first()).toBeVisible();
    }
    await expect(app.getByText(harness.account?.login ?? 'missing login').first()).toBeVisible();
  });

  test('shows never used, legacy and expiry facts the way a maintainer reads them', async ({
    app,
    harness,
  }) => {
    const { tokens } = await harness.core.handlers['tokens:list']({});
    const legacy = tokens.find((token) => token.endpointScopes === null);
    const neverUsed = tokens.find((token) => token.lastUsedAt === null);
    expect(legacy, 'the demo seed has a legacy token').toBeDefined();
    expect(neverUsed, 'the demo seed has a never-used token').toBeDefined();
    const table = app.getByRole('table');
    if (legacy) {
      await table
        .getByRole('row')
        .filter({ hasText: legacy.name })
        .first()
        .scrollIntoViewIfNeeded();
      await expect(table.getByRole('row').filter({ hasText: legacy.name }).first()).toContainText(
        /legacy/i,
      );
    }
    if (neverUsed) {
      const row = table.getByRole('row').filter({ hasText: neverUsed.name }).first();
      await row.scrollIntoViewIfNeeded();
      await expect(row).toContainText(/never used/i);
    }
  });

  test('has no accessibility violations', async ({ app }) => {
    await expect(app.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(app);
  });
});
