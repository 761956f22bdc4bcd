import type { Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { expect, test } from '../fixtures';

/** Issue 13, item 5 (form feedback) and item 1's Custom expiry in Rotate. */

async function openBuilder(app: Page): Promise<void> {
  await app.getByRole('main').getByRole('button', { name: 'New token' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'New token' })).toBeVisible();
}

function patternField(app: Page, number: number) {
  return app.getByRole('textbox', { name: `Crate pattern ${number}`, exact: true });
}

const BLOCKED = 'Fix the marked fields first: nothing was sent.';

test.describe('builder feedback', () => {
  test('marks fields only when it should, and the banner answers one press', async ({ app }) => {
    await openBuilder(app);
    const name = app.getByRole('textbox', { name: 'Name', exact: true });
    // Leaving the empty Name before any press of Create does not mark it.
    await name.focus();
    await app.getByRole('checkbox', { name: /^yank — / }).focus();
    await expect(name).toHaveAttribute('aria-invalid', 'false');

    // aria-disabled keeps Create focusable: pressing it says why instead of sending.
    await app.getByRole('button', { name: 'Create token' }).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByText(BLOCKED)).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');

    // A row added after that press is not red while the user has not typed in it yet.
    await app.getByRole('button', { name: 'Add pattern' }).click();
    await expect(patternField(app, 1)).toHaveAttribute('aria-invalid', 'false');

    // Fixing everything removes the banner; breaking the form again does not bring it back.
    await name.fill('forms');
    await app.getByRole('checkbox', { name: /^yank — / }).check();
    await patternField(app, 1).fill('quill');
    await expect(app.getByText(BLOCKED)).toBeHidden();
    await name.fill('');
    await expect(app.getByText(BLOCKED)).toBeHidden();
  });

  test('a refused pattern: the summary asks to fix it, and its message has no backticks', async ({
    app,
  }) => {
    await openBuilder(app);
    await app.getByRole('checkbox', { name: /^yank — / }).check();
    await app.getByRole('button', { name: 'Add pattern' }).click();
    await patternField(app, 1).fill('qu!ll');
    const summary = app.getByTestId('token-power-summary');
    await expect(summary).toContainText('fix pattern 1 first');
    await expect(summary).not.toContainText('any crate');
    await expect(patternField(app, 1)).toHaveAccessibleDescription(
      'Use only ASCII letters, digits, - and _.',
    );
    await expect(app.locator('code', { hasText: /^-$/ })).toBeVisible();
    await expect(app.getByText(/`/)).toHaveCount(0);
  });

  test('Custom starts at the day of the chosen preset; a far date reads in years', async ({
    app,
  }) => {
    await openBuilder(app);
    await app.getByRole('radio', { name: '30 days' }).check();
    await app.getByRole('radio', { name: 'Custom' }).check();
    const picker = app.getByRole('group', { name: 'Expiry date' });
    await expect(picker.locator('input')).toHaveValue(
      format(addDays(new Date(), 30), 'yyyy-MM-dd'),
    );
    await expect(picker.locator('..').locator('[aria-invalid="true"]')).toHaveCount(0);

    await picker.getByRole('spinbutton', { name: 'Year' }).click();
    await app.keyboard.type('20991231');
    await app.getByRole('checkbox', { name: /^yank — / }).check();
    const summary = app.getByTestId('token-power-summary');
    await expect(summary).toContainText(/expires in about \d+ years/);
    await expect(summary).not.toContainText(/\d{4} days/);
  });
});

test('Import takes its date with the builder\u2019s date picker', async ({ app }) => {
  await expect(app.getByRole('table', { name: 'Tokens' })).toBeVisible();
  await app.getByRole('button', { name: 'Import token' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import a token' });
  await expect(dialog.locator('input[type="date"]')).toHaveCount(0);
  const picker = dialog.getByRole('group', { name: 'Expires on (optional)' });
  await expect(picker.getByRole('spinbutton', { name: 'Year' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Choose date/ })).toBeVisible();
});

test('Rotate offers Custom expiry, prefilled from the preset, and sends that day', async ({
  app,
  harness,
}) => {
  await app.getByRole('button', { name: 'Rotate CI: quill', exact: true }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'New expiration' }).click();
  await app.getByRole('option', { name: 'Custom' }).click();
  const picker = dialog.getByRole('group', { name: 'Expiry date' });
  await expect(picker.locator('input')).toHaveValue(format(addDays(new Date(), 90), 'yyyy-MM-dd'));
  const day = addDays(new Date(), 45);
  await picker.getByRole('spinbutton', { name: 'Year' }).click();
  await app.keyboard.type(format(day, 'yyyyMMdd'));
  const endOfDay = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999);
  await expect(
    dialog.getByText(`Expires ${format(endOfDay, "EEE d MMM yyyy 'at' HH:mm")}`),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Rotated “CI: quill”' })).toBeVisible();
  const body = harness.simulator.state.createTokenBodies.at(-1);
  const sent = JSON.parse(body?.raw ?? '{}') as { api_token?: { expired_at?: string } };
  expect(Date.parse(sent.api_token?.expired_at ?? '')).toBe(endOfDay.getTime());
});
