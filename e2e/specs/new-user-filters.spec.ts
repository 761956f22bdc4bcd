import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Issue 13, item 7: filters and labels, in light mode at 1024 px. */

test.use({ colorScheme: 'light', viewport: { width: 1024, height: 820 } });

/** WCAG contrast ratio of an element's text against its own background colour. */
async function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const channels = (color: string) =>
      (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
        const c = Number(value) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = channels(color);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const a = luminance(style.color);
    const b = luminance(style.backgroundColor);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

function statusToggle(app: Page, name: string) {
  return app.getByRole('group', { name: 'Status' }).getByRole('button', { name, exact: true });
}

test('a pressed status toggle stands out; Clear filters undoes filters and search', async ({
  app,
}) => {
  const table = app.getByRole('table', { name: 'Tokens' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const clear = app.getByRole('button', { name: 'Clear filters' });
  await expect(clear).toBeHidden();

  const active = statusToggle(app, 'Active');
  await active.click();
  await expect(active).toHaveAttribute('aria-pressed', 'true');
  // Filled, with readable text: not an 8 % grey on white.
  expect(await contrastOf(active)).toBeGreaterThanOrEqual(4.5);
  const background = await active.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toMatch(/rgba\(0, 0, 0, 0\.0\d+\)/);

  await expect(clear).toBeVisible();
  await clear.click();
  await expect(active).toHaveAttribute('aria-pressed', 'false');
  await expect(clear).toBeHidden();

  const search = app.getByRole('searchbox').or(app.getByRole('textbox', { name: /search/i }));
  await search.first().fill('quill');
  await expect(clear).toBeVisible();
  await clear.click();
  await expect(search.first()).toHaveValue('');
  await expect(clear).toBeHidden();
});

test('"Show recently expired" says how recent', async ({ app }) => {
  await expect(
    app.getByRole('switch', { name: 'Show recently expired (last 30 days)' }),
  ).toBeVisible();
});

test('Expiry descending puts never-expiring tokens first', async ({ app, harness }) => {
  const { tokens } = await harness.core.handlers['tokens:list']({});
  const never = tokens.filter((token) => token.source === 'registry' && token.expiresAt === null);
  expect(never.length).toBeGreaterThan(0);
  const header = app.getByRole('columnheader', { name: 'Expiry' });
  await header.getByRole('button', { name: 'Expiry' }).click();
  await header.getByRole('button', { name: 'Expiry' }).click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const firstRow = app.getByRole('table', { name: 'Tokens' }).getByRole('row').nth(1);
  const names = never.map((token) => token.name);
  await expect(async () => {
    const text = (await firstRow.textContent()) ?? '';
    expect(names.some((name) => text.includes(name))).toBe(true);
  }).toPass({ timeout: 10_000 });
});

test('the Account filter keeps its width whatever it shows', async ({ app }) => {
  const account = app.getByRole('combobox', { name: 'Account' });
  await expect(account).toBeVisible();
  const field = account.locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")][1]');
  const before = (await field.boundingBox())?.width;
  await account.click();
  const options = app.getByRole('option');
  await options.last().click();
  await expect(account).not.toHaveText('All accounts');
  const after = (await field.boundingBox())?.width;
  expect(after).toBe(before);
});

test('an account card says what its cargo name is', async ({ app }) => {
  await app
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Accounts' })
    .click();
  const cards = app.getByRole('list', { name: 'Your accounts' }).getByRole('listitem');
  await expect(cards.first()).toContainText('known to cargo as');
  await expect(cards.first().getByTitle(/cargo knows/)).toHaveCount(1);
});

test('crate patterns in the list never break mid-word (cut with an ellipsis instead)', async ({
  app,
}) => {
  const table = app.getByRole('table', { name: 'Tokens' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const patterns = table.locator('.pattern');
  expect(await patterns.count()).toBeGreaterThan(0);
  const wraps = await patterns.evaluateAll((cells) =>
    cells.map((cell) => getComputedStyle(cell).whiteSpace),
  );
  expect(wraps.every((value) => value === 'nowrap')).toBe(true);
});
