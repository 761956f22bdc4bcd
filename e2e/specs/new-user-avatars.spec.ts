import { expect, test } from '../fixtures';

/**
 * Issue 13, item 8: offline, avatar images fail to load. Each is tried once
 * per session (one console error from the browser at most), not on every
 * page that shows it, and the login's initial stands in.
 * Uses `page` rather than `app`, whose check of console errors would count
 * that one unavoidable failed load.
 */
test('a failed avatar is tried once, then the initial stands in', async ({ page, harness }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const avatarLoads: string[] = [];
  await page.route(/^https:\/\/([a-z0-9-]+\.)*githubusercontent\.com\//, (route) => {
    avatarLoads.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await page.goto(harness.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('table', { name: 'Tokens' })).toBeVisible();
  for (let visit = 0; visit < 3; visit += 1) {
    await nav.getByRole('button', { name: 'Accounts' }).click();
    await expect(page.getByRole('list', { name: 'Your accounts' })).toBeVisible();
    await nav.getByRole('button', { name: 'Tokens' }).click();
    await expect(page.getByRole('table', { name: 'Tokens' })).toBeVisible();
  }
  const login = harness.account?.login ?? 'missing login';
  await expect(
    page.getByRole('banner').getByText(login.charAt(0).toUpperCase(), { exact: true }),
  ).toBeVisible();
  expect(new Set(avatarLoads).size).toBe(avatarLoads.length);
  expect(errors.length).toBeLessThanOrEqual(avatarLoads.length);
});
