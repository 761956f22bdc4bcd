import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';
import {
  harnessGet,
  harnessPost,
  openSection,
  type RecordedNotification,
  type RecordedTray,
} from './watch-helpers';

const HOUR_MS = 3600 * 1000;

function banner(app: Page) {
  return app.getByRole('region', { name: /need action now|expires? soon/ });
}

/** A banner item's buttons, grouped under the token's name. */
function bannerActions(app: Page, name: string) {
  return banner(app).getByRole('group', { name, exact: true });
}

/**
 * Waits for the watch's first refresh (the one that also asks for expired
 * tokens), so what the banner says does not depend on when it ran.
 */
async function refreshed(app: Page, harness: RunningHarness): Promise<void> {
  await expect(banner(app)).toBeVisible();
  await harness.core.handlers['watch:refresh-now']({});
}

function rows(app: Page, name: string) {
  return app
    .getByRole('table', { name: 'Tokens' })
    .getByRole('row')
    .filter({ has: app.getByText(name, { exact: true }) });
}

/*
 * The demo seed, as the watch sees it once its first refresh (which also
 * asks for expired tokens) is in: "yank bot" expired six days ago;
 * "hotfix (expires today)" expires in 12 hours, "release quill family" in 2
 * days, "trusted publishing setup" in 6, "everything, short-lived" in 10
 * (with the default 14, 7, 3 and 1-day warnings, all four warn); "CI: quill"
 * in 2 months.
 */
test.describe('the expiry watch in the window', () => {
  test('the banner names what needs action, worst first, with the rows’ own Rotate and Regenerate', async ({
    app,
    harness,
  }) => {
    await refreshed(app, harness);
    await expect(
      app.getByRole('heading', { name: '1 token needs action now, 4 more expire soon' }),
    ).toBeVisible();
    const items = banner(app).getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText("'yank bot' expired on");
    await expect(items.nth(1)).toContainText("'hotfix (expires today)' expires within 1 day");
    await expect(items.nth(2)).toContainText("'release quill family' expires within 3 days");
    // An expired token can only be regenerated; one that still works, rotated too.
    await expect(bannerActions(app, 'yank bot').getByRole('button')).toHaveText(['Regenerate']);
    await expect(bannerActions(app, 'hotfix (expires today)').getByRole('button')).toHaveText([
      'Regenerate',
      'Rotate',
    ]);

    await bannerActions(app, 'hotfix (expires today)')
      .getByRole('button', { name: 'Rotate' })
      .click();
    const dialog = app.getByRole('dialog', { name: /^Rotate “hotfix \(expires today\)” of / });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // The expired token is not in the list (only among the recently expired): still regenerated.
    await bannerActions(app, 'yank bot').getByRole('button', { name: 'Regenerate' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Regenerate token' })).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('yank bot');

    await openSection(app, 'Tokens');
    await banner(app).getByRole('button', { name: 'and 2 more' }).click();
    await expect(app.getByText('Showing only the 5 tokens that need attention.')).toBeVisible();
    // The header and the four listed ones.
    await expect(app.getByRole('table', { name: 'Tokens' }).getByRole('row')).toHaveCount(5);
    await expect(rows(app, 'CI: quill')).toHaveCount(0);
    await app.getByRole('button', { name: 'Show all tokens' }).click();
    await expect(rows(app, 'CI: quill')).toHaveCount(1);
  });

  // An axe scan takes tens of seconds on a loaded machine: one per test, in a test of its own.
  test('the banner has no accessibility violations', async ({ app, harness }) => {
    await refreshed(app, harness);
    await expect(bannerActions(app, 'yank bot').getByRole('button')).toHaveText(['Regenerate']);
    await expectNoAxeViolations(app);
  });

  test('moving the clock changes the banner, the tray and the notifications; a click lands on the token', async ({
    app,
    harness,
  }) => {
    await refreshed(app, harness);
    await expect(
      app.getByRole('heading', { name: '1 token needs action now, 4 more expire soon' }),
    ).toBeVisible();
    const trayBefore = await harnessGet<RecordedTray>(harness, '/__harness/tray');
    expect(trayBefore.state).toBe('alert');
    const shownBefore = await harnessGet<RecordedNotification[]>(
      harness,
      '/__harness/notifications',
    );
    const start = Date.now();

    // 13 hours on: the hotfix token has expired, and nothing else crossed a threshold.
    await harnessPost(harness, '/__harness/clock', {
      now: new Date(start + 13 * HOUR_MS).toISOString(),
    });
    await expect(
      app.getByRole('heading', { name: '2 tokens need action now, 3 more expire soon' }),
    ).toBeVisible();
    const trayAfter = await harnessGet<RecordedTray>(harness, '/__harness/tray');
    expect(trayAfter.state).toBe('alert');
    expect(trayAfter.tooltip).not.toBe(trayBefore.tooltip);
    const shown = await harnessGet<RecordedNotification[]>(harness, '/__harness/notifications');
    expect(shown.length).toBe(shownBefore.length + 1);
    expect(shown.at(-1)?.tokens).toEqual([
      expect.objectContaining({ name: 'hotfix (expires today)', threshold: 'expired' }),
    ]);

    // 25 hours on: "release quill family" is within a day.
    await harnessPost(harness, '/__harness/clock', {
      now: new Date(start + 25 * HOUR_MS).toISOString(),
    });
    const later = await harnessGet<RecordedNotification[]>(harness, '/__harness/notifications');
    expect(later.length).toBe(shown.length + 1);
    expect(later.at(-1)?.tokens).toEqual([
      expect.objectContaining({ name: 'release quill family', threshold: '1d' }),
    ]);

    // From another page: the expired hotfix token, listed among the recently expired.
    await openSection(app, 'Settings');
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await harnessPost(harness, '/__harness/notifications/click', { index: shown.length - 1 });
    const hotfix = rows(app, 'hotfix (expires today)');
    await expect(hotfix).toBeFocused();
    await expect(app.getByRole('switch', { name: 'Show recently expired' })).toBeChecked();
    await expect(
      hotfix.getByRole('button', { name: 'Regenerate hotfix (expires today)', exact: true }),
    ).toBeVisible();

    // With a search and a filter that hide it: both are cleared for the token.
    await app.getByRole('searchbox', { name: 'Search tokens' }).fill('yank');
    await app.getByRole('button', { name: 'Active', exact: true }).click();
    await expect(rows(app, 'release quill family')).toHaveCount(0);
    await harnessPost(harness, '/__harness/notifications/click', { index: later.length - 1 });
    const row = rows(app, 'release quill family');
    await expect(row).toBeFocused();
    await expect(
      row.getByRole('button', { name: 'Rotate release quill family', exact: true }),
    ).toBeVisible();
    await expect(
      row.getByRole('button', { name: 'Regenerate release quill family', exact: true }),
    ).toBeVisible();
  });

  test('a secret whose token was revoked elsewhere is forgotten from the banner, after confirmation', async ({
    app,
    harness,
  }) => {
    const accountId = harness.account?.id ?? 'missing account';
    const { token } = await harness.core.handlers['tokens:create']({
      accountId,
      name: 'laptop',
      endpointScopes: ['publish-update'],
      cratePatterns: [],
      expiresAt: null,
    });
    // Listed once, so the watch knows its name.
    await harness.core.handlers['tokens:list']({});
    // Revoked on the registry's website: Cratekeeper still holds its secret.
    const record = harness.simulator.state.tokens.find((entry) => entry.id === token.tokenId);
    if (!record) throw new Error('the simulator has no record of the new token');
    record.revoked = true;
    await refreshed(app, harness);

    const item = banner(app).getByRole('listitem').filter({ hasText: "'laptop' was revoked" });
    await expect(item).toBeVisible();
    await bannerActions(app, 'laptop').getByRole('button', { name: 'Forget laptop' }).click();
    const dialog = app.getByRole('dialog', { name: 'Forget “laptop”?' });
    await dialog.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(item).toHaveCount(0);
    await expect(harness.core.handlers['tokens:reveal']({ key: token.key })).rejects.toThrow();
  });
});
