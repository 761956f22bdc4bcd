import type { Page } from '@playwright/test';
import { parsePreviewArgs, previewHarnessOptions } from '../harness/cli-args';
import type { RunningHarness } from '../harness/harness';
import { expect, expectNoAxeViolations, test } from '../fixtures';

/** The harness options `npm run preview -- ARGS` starts with, on a free port. */
function previewWith(...args: string[]) {
  return { ...previewHarnessOptions(parsePreviewArgs(args)), port: 0 };
}

const hostOf = (harness: RunningHarness) => new URL(harness.simulator.url).host;

function accountsList(app: Page) {
  return app.getByRole('list', { name: 'Your accounts' });
}

async function openAccounts(app: Page): Promise<void> {
  await app
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Accounts' })
    .click();
}

/** Add account on the simulator's registry: Sign in opens the simulated GitHub in a pop-up. */
async function startAddAccount(app: Page, harness: RunningHarness): Promise<Page> {
  await app.getByRole('main').getByRole('button', { name: 'Add account' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an account' });
  await dialog
    .getByRole('radio', { name: new RegExp(hostOf(harness).replaceAll('.', '\\.')) })
    .check();
  const popup = app.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Waiting for sign-in' })).toBeVisible();
  return popup;
}

/** On the consent page: choose the GitHub user and authorize; the pop-up closes. */
async function authorizeAs(popup: Page, login: string): Promise<void> {
  const choice = popup.getByRole('group', { name: 'Sign in as' });
  await choice.getByRole('radio', { name: new RegExp(`^${login}\\b`) }).check();
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await closed;
}

test.describe('the preview shows every flow', () => {
  test.describe('Add account through the simulated GitHub', () => {
    test.use({ harnessOptions: previewWith() });

    test('adds the second demo user, and says so when an account was already added', async ({
      app,
      harness,
    }) => {
      await openAccounts(app);
      await expect(accountsList(app).getByRole('listitem')).toHaveCount(1);

      const popup = await startAddAccount(app, harness);
      const choice = popup.getByRole('group', { name: 'Sign in as' });
      // The seed's users, the first preselected.
      await expect(choice.getByRole('radio')).toHaveCount(2);
      await expect(choice.getByRole('radio', { name: 'ferris (Ferris Crab)' })).toBeChecked();
      await expect(
        choice.getByRole('radio', { name: 'corro (Corro the Urchin)' }),
      ).not.toBeChecked();
      await authorizeAs(popup, 'corro');

      await expect(app.getByRole('dialog', { name: 'Add an account' })).toBeHidden();
      await expect(app.getByText(`Signed in as corro on ${hostOf(harness)}.`)).toBeVisible();
      await expect(accountsList(app).getByRole('listitem')).toHaveCount(2);
      await expect(accountsList(app)).toContainText('ferris');
      await expect(accountsList(app)).toContainText('corro');

      // ferris again: nothing new, and the app says so.
      await authorizeAs(await startAddAccount(app, harness), 'ferris');
      await expect(
        app.getByText(`ferris on ${hostOf(harness)} was already added: its session was renewed.`),
      ).toBeVisible();
      await expect(accountsList(app).getByRole('listitem')).toHaveCount(2);
    });

    test('closing the pop-up cancels the sign-in', async ({ app, harness }) => {
      await openAccounts(app);
      const popup = await startAddAccount(app, harness);
      await expect(popup.getByRole('button', { name: 'Authorize' })).toBeVisible();
      await popup.close();
      const dialog = app.getByRole('dialog', { name: 'Add an account' });
      await expect(dialog.getByText('Sign-in was cancelled.')).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await expect(accountsList(app).getByRole('listitem')).toHaveCount(1);
    });

    test('the consent page has no accessibility violations', async ({ app, harness }) => {
      await openAccounts(app);
      const popup = await startAddAccount(app, harness);
      await expect(popup.getByRole('group', { name: 'Sign in as' })).toBeVisible();
      await expectNoAxeViolations(popup);
      await authorizeAs(popup, 'ferris');
    });
  });

  test.describe('npm run preview -- --keychain basic_text', () => {
    test.use({ harnessOptions: previewWith('--keychain', 'basic_text') });

    test('starts as on Linux without a keyring: signed out, asking for a passphrase', async ({
      app,
      harness,
    }) => {
      const dialog = app.getByRole('dialog', { name: 'Choose a passphrase' });
      await expect(dialog).toContainText('No supported keyring was found');
      expect(harness.account).toBeNull();
      expect(await harness.core.handlers['vault:status']({})).toMatchObject({
        cipher: null,
        state: 'needs-passphrase',
      });
    });
  });

  test.describe('npm run preview -- --locked-with-passphrase P', () => {
    test.use({ harnessOptions: previewWith('--locked-with-passphrase', 'pass phrase') });

    test('starts as after a restart: locked, and the passphrase opens the tokens', async ({
      app,
    }) => {
      const dialog = app.getByRole('dialog', { name: 'Unlock Cratekeeper' });
      await dialog.getByLabel('Passphrase', { exact: true }).fill('pass phrase');
      await dialog.getByRole('button', { name: 'Unlock' }).click();
      await expect(dialog).toBeHidden();
      const table = app.getByRole('table', { name: 'Tokens' });
      await expect(table.getByRole('row', { name: /release quill family/ })).toBeVisible();
    });
  });
});
