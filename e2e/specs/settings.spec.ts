import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import { harnessGet, harnessPost, openSection, type RecordedNotification } from './watch-helpers';

async function openSettings(app: Page): Promise<void> {
  await openSection(app, 'Settings');
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'Refresh every (hours)' })).toBeVisible();
}

async function save(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByText('Settings saved.')).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'All changes saved.' })).toBeVisible();
}

test.describe('the Settings page', () => {
  test('labels every setting, checks values with the contract’s schema and saves what changed', async ({
    app,
    harness,
  }) => {
    await openSettings(app);
    for (const label of [
      'Warning 1 (days)',
      'Refresh every (hours)',
      'Clear copied secrets after (seconds)',
      'Lock the vault after idle (minutes)',
      'cargo folder (CARGO_HOME)',
    ]) {
      await expect(app.getByRole('textbox', { name: label, exact: true })).toBeVisible();
    }
    for (const label of [
      'Show notifications',
      'Keep running in the tray when the window is closed',
      'Start at login',
    ]) {
      await expect(app.getByRole('switch', { name: label, exact: true })).toBeAttached();
    }
    // The harness has no login-item adapter: the switch says why it is off.
    await expect(app.getByRole('switch', { name: 'Start at login' })).toBeDisabled();
    await expect(app.getByText(/^Not available here/)).toBeVisible();

    const refresh = app.getByRole('textbox', { name: 'Refresh every (hours)' });
    await refresh.fill('49');
    await expect(app.getByText('Enter a whole number from 1 to 48.')).toBeVisible();
    await expect(app.getByRole('button', { name: 'Save settings' })).toBeDisabled();
    await app.getByRole('textbox', { name: 'Warning 2 (days)' }).fill('14');
    await expect(app.getByText('Each warning day may appear once.')).toBeVisible();
    await app.getByRole('textbox', { name: 'Warning 2 (days)' }).fill('10');
    await refresh.fill('12');
    await app.getByRole('textbox', { name: 'Clear copied secrets after (seconds)' }).fill('45');
    await app
      .getByRole('switch', { name: 'Keep running in the tray when the window is closed' })
      .check();
    await save(app);

    const { settings } = await harness.core.handlers['settings:get']({});
    expect(settings).toMatchObject({
      warningDays: [14, 10, 3, 1],
      refreshIntervalHours: 12,
      clipboardClearSeconds: 45,
      keepInTray: true,
    });
    // Back to the platform's default.
    await app.getByRole('button', { name: 'Use system default' }).click();
    await save(app);
    expect((await harness.core.handlers['settings:get']({})).settings.keepInTray).toBeNull();
  });

  // An axe scan takes tens of seconds on a loaded machine: one per test, in a test of its own.
  test('the Settings page has no accessibility violations, with a field in error too', async ({
    app,
  }) => {
    await openSettings(app);
    await app.getByRole('textbox', { name: 'Refresh every (hours)' }).fill('49');
    await expect(app.getByText('Enter a whole number from 1 to 48.')).toBeVisible();
    await expectNoAxeViolations(app);
  });

  test('thresholds change what the banner names', async ({ app }) => {
    const banner = app.getByRole('region', { name: /expire|action/ });
    // The demo seed's "release quill family" expires in 2 days: inside the default 3-day warning.
    await expect(banner.getByText(/release quill family/).first()).toBeVisible();
    await openSettings(app);
    // Keep only the 1-day warning.
    for (let count = 3; count > 0; count--) {
      await app.getByRole('button', { name: 'Remove warning 1' }).click();
    }
    await expect(app.getByRole('textbox', { name: 'Warning 1 (days)' })).toHaveValue('1');
    await expect(app.getByRole('button', { name: 'Remove warning 1' })).toBeDisabled();
    await save(app);

    await openSection(app, 'Tokens');
    // "hotfix (expires today)" is still within a day; "release quill family" no longer warns.
    await expect(banner.getByText(/hotfix \(expires today\)/).first()).toBeVisible();
    await expect(banner.getByText(/release quill family/)).toHaveCount(0);
    // The list's badges follow the same thresholds.
    const row = (name: string) =>
      app
        .getByRole('table', { name: 'Tokens' })
        .getByRole('row')
        .filter({ has: app.getByText(name, { exact: true }) });
    await expect(row('release quill family').getByText('Active', { exact: true })).toBeVisible();
    await expect(
      row('hotfix (expires today)').getByText('Expiring', { exact: true }),
    ).toBeVisible();
  });

  test('with notifications off, crossing a threshold records none', async ({ app, harness }) => {
    await openSettings(app);
    await app.getByRole('switch', { name: 'Show notifications' }).uncheck();
    await save(app);
    const before = await harnessGet<RecordedNotification[]>(harness, '/__harness/notifications');
    // A week on: every demo token but the long-lived ones has crossed a threshold or expired.
    const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    await harnessPost(harness, '/__harness/clock', { now: inAWeek });
    const tray = await harnessGet<{ state: string }>(harness, '/__harness/tray');
    expect(tray.state).toBe('alert');
    expect(await harnessGet<RecordedNotification[]>(harness, '/__harness/notifications')).toEqual(
      before,
    );
  });
});
