import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Issue 13, item 3: in an app about expiry, Expiry and Status stay in view down to 1024 px. */

async function expectInView(app: Page, header: string) {
  const list = app.locator('.ck-token-list');
  const table = app.getByRole('table', { name: 'Tokens' });
  const cell = table.getByRole('columnheader', { name: header });
  const listBox = await list.boundingBox();
  const cellBox = await cell.boundingBox();
  if (!listBox || !cellBox) throw new Error(`no box for the list or ${header}`);
  expect(cellBox.x, `${header} starts inside the list`).toBeGreaterThanOrEqual(listBox.x);
  expect(cellBox.x + cellBox.width, `${header} ends inside the list`).toBeLessThanOrEqual(
    listBox.x + listBox.width,
  );
}

for (const width of [1320, 1024]) {
  test.describe(`a ${String(width)}-pixel window`, () => {
    test.use({ viewport: { width, height: 820 } });

    test('shows Expiry and Status without scrolling sideways', async ({ app }) => {
      const table = app.getByRole('table', { name: 'Tokens' });
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      expect(await app.locator('.ck-token-list').evaluate((list) => list.scrollLeft)).toBe(0);
      await expectInView(app, 'Expiry');
      await expectInView(app, 'Status');
      const firstRow = table.getByRole('row').nth(1);
      await expect(firstRow.getByRole('cell').nth(6)).toBeInViewport({ ratio: 1 });
      await expect(firstRow.getByRole('cell').nth(7)).toBeInViewport({ ratio: 1 });
      if (width >= 1320) {
        // The default window: every column fits, nothing to scroll.
        const { scrollWidth, clientWidth } = await app
          .locator('.ck-token-list')
          .evaluate((list) => ({ scrollWidth: list.scrollWidth, clientWidth: list.clientWidth }));
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      }
    });
  });
}
