import type { Page } from '@playwright/test';
import type { RunningHarness } from '../harness/harness';
import { expect, expectNoAxeViolations, test } from '../fixtures';

/** The simulator as the app names it: its host, port included. */
const hostOf = (harness: RunningHarness) => new URL(harness.simulator.url).host;

function goTo(app: Page, section: 'Tokens' | 'Accounts') {
  return app
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: section })
    .click();
}

/** An account on the Accounts page, by its display name. */
function accountCard(app: Page, name: RegExp) {
  return app.getByRole('list', { name: 'Your accounts' }).getByRole('listitem', { name });
}

function sessionsOf(harness: RunningHarness, login: string) {
  const user = harness.simulator.state.db.userByLogin(login);
  if (!user) throw new Error(`The seed has no user ${login}`);
  return [...harness.simulator.state.db.sessions.values()].filter(
    (session) => session.userId === user.id,
  );
}

test.describe('accounts', () => {
  test.describe('starting signed out', () => {
    test.use({ harnessOptions: { signInAs: false } });

    test('signs in to a registry by its address, and lists its tokens', async ({
      app,
      harness,
    }) => {
      await expect(app.getByRole('heading', { name: 'No account signed in' })).toBeVisible();
      await app.getByRole('main').getByRole('button', { name: 'Add account' }).click();

      const dialog = app.getByRole('dialog', { name: 'Add an account' });
      await dialog.getByRole('radio', { name: 'Other registry' }).check();
      const address = dialog.getByLabel('Base URL');
      // A bad address is refused with what to fix, before any sign-in window opens.
      await address.fill('127.0.0.1');
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await expect(address).toHaveAccessibleDescription(/Start the address with https:\/\//);

      await address.fill(harness.simulator.url);
      await expect(dialog.getByLabel('Registry name in cargo config')).toHaveValue(
        /^localhost-\d+$/,
      );
      // A far-away registry: the dialog shows progress while the sign-in window is open.
      harness.simulator.state.latencyMs = 150;
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await expect(dialog.getByRole('progressbar', { name: 'Waiting for sign-in' })).toBeVisible();
      await expect(dialog).toBeHidden();
      harness.simulator.state.latencyMs = 0;

      await expect(app.getByRole('list', { name: 'Signed-in accounts' })).toContainText('ferris');
      const table = app.getByRole('table', { name: 'Tokens' });
      await expect(table.getByRole('row', { name: /release quill family/ })).toBeVisible();
      const [account] = await harness.core.handlers['accounts:list']({});
      expect(account).toMatchObject({
        login: 'ferris',
        status: 'signed-in',
        registry: { baseUrl: harness.simulator.url },
      });
    });
  });

  test('adds a second account on the same registry, and lists the tokens of both', async ({
    app,
    harness,
  }) => {
    await expect(app.getByRole('table', { name: 'Tokens' })).toBeVisible();
    harness.setNextSignInLogin('corro');
    await app.getByRole('banner').getByRole('button', { name: 'Add account' }).click();

    const dialog = app.getByRole('dialog', { name: 'Add an account' });
    // The registry of the first account is offered by name: no address to type again.
    await dialog.getByRole('radio', { name: hostOf(harness) }).check();
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();

    const table = app.getByRole('table', { name: 'Tokens' });
    await expect(table.getByRole('row', { name: /corro CI/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /release quill family/ })).toBeVisible();
    await expect(app.getByRole('status').filter({ hasText: 'across 2 accounts' })).toBeVisible();

    await goTo(app, 'Accounts');
    const list = app.getByRole('list', { name: 'Your accounts' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem', { name: /Ferris Crab/ })).toContainText('Signed in');
    await expect(list.getByRole('listitem', { name: /Corro the Urchin/ })).toContainText(
      'Signed in',
    );
  });

  test('shows an expired session as signed out, and signing in again restores the list', async ({
    app,
    harness,
  }) => {
    const table = app.getByRole('table', { name: 'Tokens' });
    await expect(table.getByRole('row', { name: /release quill family/ })).toBeVisible();

    // As crates.io did in April 2025: every session ends at once.
    harness.simulator.state.db.sessions.clear();
    await app.getByRole('button', { name: 'Refresh' }).click();

    const signInAgain = app.getByRole('button', {
      name: `Sign in again as ferris on ${hostOf(harness)}`,
    });
    await expect(signInAgain).toBeVisible();
    await expect(app.getByRole('alert').filter({ hasText: 'signed out' })).toBeVisible();
    await expect(table).toBeHidden();

    await goTo(app, 'Accounts');
    await expect(
      accountCard(app, /Ferris Crab/).getByText('Signed out', { exact: true }),
    ).toBeVisible();
    await goTo(app, 'Tokens');

    await signInAgain.click();
    await expect(table.getByRole('row', { name: /release quill family/ })).toBeVisible();
    await expect(signInAgain).toBeHidden();
    expect(sessionsOf(harness, 'ferris')).toHaveLength(1);
  });

  test('signs out after confirmation, ending the session on the registry', async ({
    app,
    harness,
  }) => {
    expect(sessionsOf(harness, 'ferris')).toHaveLength(1);
    await goTo(app, 'Accounts');
    const card = accountCard(app, /Ferris Crab/);
    await card.getByRole('button', { name: `Sign out ferris on ${hostOf(harness)}` }).click();

    const confirm = app.getByRole('dialog', { name: `Sign out ferris from ${hostOf(harness)}?` });
    await expect(confirm).toContainText('forgets it');
    await confirm.getByRole('button', { name: 'Sign out' }).click();
    await expect(confirm).toBeHidden();

    await expect(card.getByText('Signed out', { exact: true })).toBeVisible();
    await expect(
      card.getByRole('button', { name: `Sign in again as ferris on ${hostOf(harness)}` }),
    ).toBeVisible();
    expect(sessionsOf(harness, 'ferris')).toEqual([]);
    const [account] = await harness.core.handlers['accounts:list']({});
    expect(account?.status).toBe('signed-out');
  });

  test('the Accounts page has no accessibility violations', async ({ app }) => {
    await goTo(app, 'Accounts');
    await expect(accountCard(app, /Ferris Crab/)).toBeVisible();
    await expect(app.getByText('Where secrets are kept')).toBeVisible();
    await expectNoAxeViolations(app);
  });

  test('the Add account dialog has no accessibility violations', async ({ app }) => {
    await app.getByRole('banner').getByRole('button', { name: 'Add account' }).click();
    const dialog = app.getByRole('dialog', { name: 'Add an account' });
    await dialog.getByRole('radio', { name: 'Other registry' }).check();
    const address = dialog.getByLabel('Base URL');
    await expect(address).toBeFocused();
    await address.fill('http://registry.example.com');
    await address.blur();
    await expect(address).toHaveAccessibleDescription(/Plain http would send your session/);
    await expectNoAxeViolations(app);
  });
});
