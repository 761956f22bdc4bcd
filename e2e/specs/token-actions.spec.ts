import type { Page } from '@playwright/test';
import type { TokenView } from '../../shared/domain/token';
import { expect, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';

/** A listed registry token of the demo seed, by name. */
async function listed(harness: RunningHarness, name: string): Promise<TokenView> {
  const { tokens } = await harness.core.handlers['tokens:list']({});
  const token = tokens.find((candidate) => candidate.name === name);
  if (!token) throw new Error(`the demo seed has no listed token “${name}”`);
  return token;
}

function simulatorRecord(harness: RunningHarness, tokenId: number | null) {
  return harness.simulator.state.tokens.find((record) => record.id === tokenId);
}

function actionButton(app: Page, verb: string, name: string) {
  return app.getByRole('button', { name: `${verb} ${name}`, exact: true });
}

function rows(app: Page, name: string) {
  return app
    .getByRole('table', { name: 'Tokens' })
    .getByRole('row')
    .filter({ has: app.getByText(name, { exact: true }) });
}

test.describe('token row actions', () => {
  test('offers only what a token allows', async ({ app, harness }) => {
    await expect(actionButton(app, 'Revoke', 'CI: quill')).toBeVisible();
    await expect(actionButton(app, 'Rotate', 'CI: quill')).toBeVisible();
    await expect(actionButton(app, 'Regenerate', 'CI: quill')).toBeVisible();
    // Legacy: no Rotate (the core creates only scoped tokens).
    const legacy = await listed(harness, 'old laptop (legacy)');
    await expect(actionButton(app, 'Revoke', legacy.name)).toBeAttached();
    await expect(actionButton(app, 'Rotate', legacy.name)).toHaveCount(0);
  });

  test('an expired token offers Regenerate only: nothing left to revoke or rotate', async ({
    app,
  }) => {
    // The demo seed's "yank bot" expired six days ago: listed only on request.
    await expect(rows(app, 'yank bot')).toHaveCount(0);
    await app.getByLabel('Show recently expired').check();
    await expect(rows(app, 'yank bot')).toHaveCount(1);
    await expect(rows(app, 'yank bot').getByText('Expired', { exact: true })).toBeVisible();
    await expect(actionButton(app, 'Regenerate', 'yank bot')).toBeVisible();
    await expect(actionButton(app, 'Revoke', 'yank bot')).toHaveCount(0);
    await expect(actionButton(app, 'Rotate', 'yank bot')).toHaveCount(0);
  });

  test('revokes after confirmation: the row goes and the registry marks it revoked', async ({
    app,
    harness,
  }) => {
    const token = await listed(harness, 'CI: quill');
    await expect(rows(app, token.name)).toHaveCount(1);
    await actionButton(app, 'Revoke', token.name).click();
    const login = harness.account?.login ?? 'missing login';
    const dialog = app.getByRole('dialog', {
      name: new RegExp(`^Revoke “CI: quill” of ${login} on .+\\?$`),
    });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(rows(app, token.name)).toHaveCount(0);
    expect(simulatorRecord(harness, token.tokenId)?.revoked).toBe(true);
  });

  test('shows the server’s words when revoking fails, and keeps the row', async ({
    app,
    harness,
  }) => {
    const token = await listed(harness, 'CI: quill');
    harness.simulator.state.faults.add({
      kind: 'http-500',
      route: '/api/v1/me/tokens/*',
      method: 'DELETE',
      message: 'the registry is having a moment',
    });
    await actionButton(app, 'Revoke', token.name).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(dialog.getByText(/the registry is having a moment/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(rows(app, token.name)).toHaveCount(1);
    expect(simulatorRecord(harness, token.tokenId)?.revoked).toBe(false);
  });

  test('regenerate opens the builder prefilled with name, scopes and patterns', async ({
    app,
    harness,
  }) => {
    const token = await listed(harness, 'release quill family');
    await actionButton(app, 'Regenerate', token.name).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Regenerate token' })).toBeVisible();
    // The old token keeps working, so its name is offered numbered (issue 13).
    await expect(app.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
      `${token.name} (2)`,
    );
    await expect(app.getByRole('checkbox', { name: /^publish-new — / })).toBeChecked();
    await expect(app.getByRole('checkbox', { name: /^publish-update — / })).toBeChecked();
    await expect(app.getByRole('checkbox', { name: /^yank — / })).not.toBeChecked();
    await expect(app.getByRole('textbox', { name: 'Crate pattern 1', exact: true })).toHaveValue(
      'quill*',
    );
    // Nothing is sent until the user creates it.
    expect(harness.simulator.state.createTokenBodies).toEqual([]);
  });

  test('rotates: the old one revoked, a new one of the same name listed with its secret held', async ({
    app,
    harness,
  }) => {
    const old = await listed(harness, 'CI: quill');
    await actionButton(app, 'Rotate', old.name).click();
    const dialog = app.getByRole('dialog');
    await expect(
      dialog.getByText(
        'A new token with the same name, scopes and patterns is created and stored; then the old one is revoked.',
      ),
    ).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'New expiration' })).toHaveText('90 days');
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
    // The new secret's panel, as after Create (issue 13), instead of a notice that vanishes.
    await expect(dialog.getByRole('heading', { name: `Rotated “${old.name}”` })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Use with cargo', exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();

    expect(simulatorRecord(harness, old.tokenId)?.revoked).toBe(true);
    const { tokens } = await harness.core.handlers['tokens:list']({});
    const same = tokens.filter((token) => token.name === old.name);
    expect(same).toHaveLength(1);
    expect(same[0]?.key).not.toBe(old.key);
    expect(same[0]?.secretHeld).toBe(true);
    const row = rows(app, old.name);
    await expect(row).toHaveCount(1);
    await expect(row.getByLabel('Secret held in Cratekeeper')).toBeVisible();
  });

  test('rotation whose revoke fails keeps both tokens and says so', async ({ app, harness }) => {
    const old = await listed(harness, 'CI: quill');
    harness.simulator.state.faults.add({
      kind: 'http-500',
      route: '/api/v1/me/tokens/*',
      method: 'DELETE',
    });
    await actionButton(app, 'Rotate', old.name).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
    await expect(dialog.getByText(/old token could not be revoked/)).toBeVisible();
    await expect(dialog.getByText(/Both tokens work now/)).toBeVisible();
    expect(simulatorRecord(harness, old.tokenId)?.revoked).toBe(false);
    // Not retried: one create, and the list shows both.
    expect(harness.simulator.state.createTokenBodies).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(rows(app, old.name)).toHaveCount(2);
  });
});
