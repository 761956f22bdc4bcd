import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';

/** Issue 13, item 6: errors say what happened and what comes next; nothing claims more than is known. */

function rows(app: Page, name: string) {
  return app
    .getByRole('table', { name: 'Tokens' })
    .getByRole('row')
    .filter({ has: app.getByText(name, { exact: true }) });
}

const hostOf = (harness: RunningHarness) => new URL(harness.simulator.url).host;

test.describe('a new user meeting registry errors', () => {
  test('the builder says when the crates could not be loaded, and Retry brings the matches back', async ({
    app,
    harness,
  }) => {
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
    const fault = harness.simulator.state.faults.add({
      kind: 'http-503',
      route: '/api/v1/me',
      method: 'GET',
      message: 'Down for maintenance',
    });
    await app.getByRole('main').getByRole('button', { name: 'New token' }).click();
    await app.getByRole('button', { name: 'Add pattern' }).click();
    await app.getByRole('textbox', { name: 'Crate pattern 1', exact: true }).fill('quill');
    const note = app.getByRole('alert').filter({
      hasText: 'Your crates could not be loaded, so the patterns are not shown against them.',
    });
    // Reads are retried with backoff before the builder gives up on them.
    await expect(note).toBeVisible({ timeout: 20_000 });
    await expect(note).toContainText('Down for maintenance');
    await expect(app.getByText(/^Matches quill/)).toHaveCount(0);

    harness.simulator.state.faults.remove(fault.id);
    await note.getByRole('button', { name: 'Retry' }).click();
    await expect(note).toHaveCount(0);
    await expect(app.getByText(/^Matches quill\b/)).toBeVisible();
  });

  test('Revoke under a 503 gives the registry’s words and that the token still works', async ({
    app,
    harness,
  }) => {
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
    harness.simulator.state.faults.add({
      kind: 'http-503',
      route: '/api/v1/me/tokens/*',
      method: 'DELETE',
      message: 'Down for maintenance',
    });
    await app.getByRole('button', { name: 'Revoke CI: quill', exact: true }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      `${hostOf(harness)} answered: Down for maintenance (HTTP 503). The token was not revoked and still works. Try again later.`,
    );
  });

  test('a 429 with Retry-After says when to retry, not "Offline", and the toolbar says the refresh failed', async ({
    app,
    harness,
  }) => {
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
    await expect(app.getByText(/^Updated just now/)).toBeVisible();
    harness.simulator.state.faults.add({
      kind: 'http-429',
      route: '/api/v1/me/tokens*',
      retry_after_seconds: 120,
      message: 'We are rate limiting you',
    });
    await app.getByRole('button', { name: 'Refresh' }).click();

    const busy = app.getByRole('alert').filter({ hasText: 'Registry busy:' });
    await expect(busy).toContainText(
      'The registry is limiting requests: We are rate limiting you (HTTP 429). Try again after',
      { timeout: 20_000 },
    );
    await expect(busy).toContainText('(in 2 minutes)');
    await expect(app.getByRole('alert').filter({ hasText: 'Offline' })).toHaveCount(0);
    await expect(app.getByText(/^Updated just now/)).toHaveCount(0);
    await expect(app.getByText(/^Last fetched .* · refresh failed for 1 account$/)).toBeVisible();
    // The last known tokens stay listed.
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
  });

  test('the Accounts page does not say "Signed in" while the registry is unreachable', async ({
    app,
    harness,
  }) => {
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
    harness.simulator.state.faults.add({ kind: 'http-503', route: '/api/v1/me/tokens*' });
    await app.getByRole('button', { name: 'Refresh' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'Offline:' })).toBeVisible({
      timeout: 20_000,
    });
    await app
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Accounts' })
      .click();
    const card = app.getByRole('list', { name: 'Your accounts' }).getByRole('listitem').first();
    await expect(card).toContainText('Registry unreachable');
    await expect(card).not.toContainText('Signed in');
  });

  test('the builder says when the account’s crates could not be loaded', async ({
    app,
    harness,
  }) => {
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
    harness.simulator.state.faults.add({ kind: 'http-503', route: '/api/v1/me', method: 'GET' });
    await app.getByRole('button', { name: 'New token' }).first().click();
    await expect(app.getByText(/Your crates could not be loaded/)).toBeVisible({
      timeout: 20_000,
    });
  });
});
