import type { Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';

/** Opens the builder from the token list's toolbar. */
async function openBuilder(app: Page): Promise<void> {
  await app.getByRole('main').getByRole('button', { name: 'New token' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'New token' })).toBeVisible();
}

function patternField(app: Page, number: number) {
  return app.getByRole('textbox', { name: `Crate pattern ${number}`, exact: true });
}

async function addPatterns(app: Page, patterns: readonly string[]): Promise<void> {
  for (const [index, pattern] of patterns.entries()) {
    await app.getByRole('button', { name: 'Add pattern' }).click();
    await patternField(app, index + 1).fill(pattern);
  }
}

/** Every create body the simulator received, parsed. */
function bodies(harness: RunningHarness): unknown[] {
  return harness.simulator.state.createTokenBodies.map((body) => JSON.parse(body.raw) as unknown);
}

async function expectCreated(app: Page, name: string): Promise<void> {
  await expect(app.getByRole('heading', { name: `Token “${name}” created` })).toBeVisible();
  await expect(app.getByText('Its secret is stored encrypted in Cratekeeper.')).toBeVisible();
}

test.describe('new token builder', () => {
  test('creates a never-expiring token with several patterns, sending exactly the form', async ({
    app,
    harness,
  }) => {
    await openBuilder(app);
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('release quill');
    // Ticked out of order: the body lists scopes in the website's order.
    await app.getByRole('checkbox', { name: /^yank — / }).check();
    await app.getByRole('checkbox', { name: /^publish-new — / }).check();
    await addPatterns(app, ['quill*', 'inkwell']);
    await expect(
      app.getByText(/^Matches quill, .*also any future crate starting with quill\.$/),
    ).toBeVisible();
    await app.getByRole('radio', { name: 'No expiration' }).check();
    await expect(
      app.getByText(/^Can publish new crates and yank and unyank versions of /),
    ).toContainText('never expires');

    await app.getByRole('button', { name: 'Create token' }).click();
    await expectCreated(app, 'release quill');
    expect(bodies(harness)).toEqual([
      {
        api_token: {
          name: 'release quill',
          endpoint_scopes: ['publish-new', 'yank'],
          crate_scopes: ['quill*', 'inkwell'],
          expired_at: null,
        },
      },
    ]);

    await app.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(app.getByText(/^Copied the secret of release quill\./)).toBeVisible();
    const created = (await harness.core.handlers['tokens:list']({})).tokens.find(
      (token) => token.name === 'release quill',
    );
    const { secret } = await harness.core.handlers['tokens:reveal']({ key: created?.key ?? '' });
    expect(harness.clipboard.text).toBe(secret);
    expect(secret).toMatch(/^cio[A-Za-z0-9]{32}$/);

    // The cargo step and the CI help, as crates.io shows after creating a token.
    await expect(app.getByRole('button', { name: 'Use with cargo', exact: true })).toBeEnabled();
    // The simulator is cargo's registry "sim": its variable, and --registry in the command.
    const step = app.getByRole('group', { name: 'GitHub Actions step' });
    await expect(step).toContainText('run: cargo publish --registry sim');
    await expect(step).toContainText(
      'CARGO_REGISTRIES_SIM_TOKEN: ${{ secrets.CARGO_REGISTRIES_SIM_TOKEN }}',
    );
    await app.getByRole('button', { name: 'Done' }).click();
    const row = app.getByRole('row').filter({ hasText: 'release quill' }).first();
    await expect(row).toBeVisible();
    await expect(row.getByLabel('Secret held in Cratekeeper')).toBeVisible();
  });

  test('creates a token with a 30-day preset', async ({ app, harness }) => {
    await openBuilder(app);
    await expect(app.getByRole('radio', { name: '90 days' })).toBeChecked();
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('CI: quill_json');
    await app.getByRole('checkbox', { name: /^publish-update — / }).check();
    await addPatterns(app, ['quill_json']);
    await app.getByRole('radio', { name: '30 days' }).check();
    const before = new Date();
    await app.getByRole('button', { name: 'Create token' }).click();
    await expectCreated(app, 'CI: quill_json');
    const after = new Date();

    const [body] = harness.simulator.state.createTokenBodies.map(
      (sent) => JSON.parse(sent.raw) as { api_token: { expired_at: string } },
    );
    expect(body).toEqual({
      api_token: {
        name: 'CI: quill_json',
        endpoint_scopes: ['publish-update'],
        crate_scopes: ['quill_json'],
        expired_at: expect.any(String) as unknown,
      },
    });
    const expiry = Date.parse(body?.api_token.expired_at ?? '');
    expect(expiry).toBeGreaterThanOrEqual(addDays(before, 30).getTime() - 1000);
    expect(expiry).toBeLessThanOrEqual(addDays(after, 30).getTime() + 1000);
  });

  test('creates a token until a custom date typed into the picker', async ({ app, harness }) => {
    await openBuilder(app);
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('yank helper');
    await app.getByRole('checkbox', { name: /^yank — / }).check();
    await addPatterns(app, ['quill', 'quill_derive', 'quill-*']);
    await app.getByRole('radio', { name: 'Custom' }).check();
    const day = addDays(new Date(), 40);
    await app
      .getByRole('group', { name: 'Expiry date' })
      .getByRole('spinbutton', { name: 'Year' })
      .click();
    await app.keyboard.type(format(day, 'yyyyMMdd'));
    const endOfDay = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999);
    await expect(
      app.getByText(`Expires ${format(endOfDay, "EEE d MMM yyyy 'at' HH:mm")}`),
    ).toBeVisible();

    await app.getByRole('button', { name: 'Create token' }).click();
    await expectCreated(app, 'yank helper');
    expect(bodies(harness)).toEqual([
      {
        api_token: {
          name: 'yank helper',
          endpoint_scopes: ['yank'],
          crate_scopes: ['quill', 'quill_derive', 'quill-*'],
          expired_at: endOfDay.toISOString(),
        },
      },
    ]);
  });

  test('an invalid pattern blocks creation and nothing is sent', async ({ app, harness }) => {
    await openBuilder(app);
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('serde');
    await app.getByRole('checkbox', { name: /^publish-new — / }).check();
    await addPatterns(app, ['quill*', '1serde']);
    await expect(app.getByText('A crate name must start with an ASCII letter.')).toBeVisible();
    await expect(patternField(app, 2)).toHaveAttribute('aria-invalid', 'true');
    const create = app.getByRole('button', { name: 'Create token' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    // aria-disabled keeps it focusable; pressing it says why instead of sending.
    await create.focus();
    await app.keyboard.press('Enter');
    await expect(app.getByText('Fix the marked fields first: nothing was sent.')).toBeVisible();
    expect(harness.simulator.state.createTokenBodies).toEqual([]);

    // Removing the bad row makes the same form valid; the rest is kept.
    await app.getByRole('button', { name: 'Remove crate pattern 2' }).click();
    await expect(patternField(app, 1)).toHaveValue('quill*');
    await create.click();
    await expectCreated(app, 'serde');
    expect(bodies(harness)).toHaveLength(1);
  });

  test('a refusal shows the server text, keeps the form and is not retried', async ({
    app,
    harness,
  }) => {
    harness.simulator.state.tokenCreation.enabled = false;
    await openBuilder(app);
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('kept');
    await app.getByRole('checkbox', { name: /^yank — / }).check();
    await addPatterns(app, ['quill']);
    await app.getByRole('button', { name: 'Create token' }).click();
    await expect(app.getByText(harness.simulator.state.tokenCreation.message)).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('kept');
    await expect(patternField(app, 1)).toHaveValue('quill');
    await expect(app.getByRole('checkbox', { name: /^yank — / })).toBeChecked();
    expect(harness.simulator.state.createTokenBodies).toHaveLength(1);
  });

  test('works with the keyboard alone', async ({ app, harness }) => {
    const newToken = app.getByRole('main').getByRole('button', { name: 'New token' });
    await newToken.focus();
    await app.keyboard.press('Enter');
    const name = app.getByRole('textbox', { name: 'Name', exact: true });
    await expect(name).toBeFocused();
    await app.keyboard.type('keyboard token');
    // No scope yet: Enter does not send.
    await app.keyboard.press('Enter');
    expect(harness.simulator.state.createTokenBodies).toEqual([]);

    await app.keyboard.press('Tab');
    await expect(app.getByRole('checkbox', { name: /^change-owners — / })).toBeFocused();
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await expect(app.getByRole('checkbox', { name: /^publish-update — / })).toBeFocused();
    await app.keyboard.press('Space');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await expect(app.getByRole('button', { name: 'Add pattern' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(patternField(app, 1)).toBeFocused();
    await app.keyboard.type('quill');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await expect(app.getByRole('radio', { name: '90 days' })).toBeFocused();
    await app.keyboard.press('ArrowRight');
    await expect(app.getByRole('radio', { name: '365 days' })).toBeChecked();
    await app.keyboard.press('Tab');
    await expect(app.getByRole('button', { name: 'Create token' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expectCreated(app, 'keyboard token');
    expect(bodies(harness)).toEqual([
      {
        api_token: {
          name: 'keyboard token',
          endpoint_scopes: ['publish-update'],
          crate_scopes: ['quill'],
          expired_at: expect.any(String) as unknown,
        },
      },
    ]);
  });

  test('has no accessibility violations', async ({ app }) => {
    await openBuilder(app);
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('CI: quill');
    await app.getByRole('checkbox', { name: /^publish-update — / }).check();
    await addPatterns(app, ['quill*', '1serde', '*']);
    await app.getByRole('radio', { name: 'Custom' }).check();
    await expect(app.getByRole('group', { name: 'Expiry date' })).toBeVisible();
    await expectNoAxeViolations(app);
  });
});
