import type { Clock } from '../../electron/core/ports';
import { expect, expectNoAxeViolations, test } from '../fixtures';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The core runs this far behind real time until the test sets it to zero, so
 * the list it fetched first is hours old by the time the registry fails. The
 * page and the simulator keep real time.
 */
let coreLagMs = 3 * HOUR_MS;
const laggingClock: Clock = { now: () => new Date(Date.now() - coreLagMs) };

test.use({ harnessOptions: { clock: laggingClock } });

test.describe('token list while the registry cannot be reached', () => {
  test('keeps the last fetched tokens on screen, marked offline with their age', async ({
    app,
    harness,
  }) => {
    const login = harness.account?.login ?? 'missing login';
    const host = new URL(harness.simulator.url).host;
    const table = app.getByRole('table');
    const { tokens } = await harness.core.handlers['tokens:list']({});
    const shownFirst = tokens.slice(0, 3).map((token) => token.name);
    expect(shownFirst).toHaveLength(3);
    for (const name of shownFirst) {
      await expect(table.getByRole('row').filter({ hasText: name }).first()).toBeVisible();
    }

    coreLagMs = 0;
    const faults = harness.simulator.state.faults;
    const unavailable = faults.add({ kind: 'http-503', route: '/api/v1/me/tokens*' });
    await app.getByRole('button', { name: 'Refresh' }).click();

    const offline = app.getByRole('alert').filter({ hasText: 'Offline:' });
    await expect(offline).toContainText(`Offline: ${login} on ${host}`, { timeout: 20_000 });
    await expect(offline).toContainText('The registry answered: Service Unavailable (HTTP 503).');
    await expect(offline).toContainText('Showing its tokens as last fetched 3 hours ago (');
    await expect(app.getByText('· refresh failed for 1 account')).toBeVisible();
    for (const name of shownFirst) {
      await expect(table.getByRole('row').filter({ hasText: name }).first()).toBeVisible();
    }

    // A dropped connection is offline too; the list keeps the age of the last real answer.
    faults.remove(unavailable.id);
    faults.add({ kind: 'reset', route: '/api/v1/me/tokens*' });
    await offline.getByRole('button', { name: 'Retry' }).click();
    await expect(offline).toContainText(`Could not reach ${host}.`, { timeout: 20_000 });
    await expect(offline).toContainText('as last fetched 3 hours ago');
    await expect(table.getByRole('row').filter({ hasText: shownFirst[0] }).first()).toBeVisible();

    faults.clear();
    await offline.getByRole('button', { name: 'Retry' }).click();
    await expect(offline).toBeHidden({ timeout: 20_000 });
    await expect(app.getByText('· refresh failed for 1 account')).toHaveCount(0);
    await expect(table.getByRole('row').filter({ hasText: shownFirst[0] }).first()).toBeVisible();
  });

  // An axe scan takes tens of seconds on a loaded machine: one per test, in a test of its own.
  test('the offline notice has no accessibility violations', async ({ app, harness }) => {
    await expect(app.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    harness.simulator.state.faults.add({ kind: 'http-503', route: '/api/v1/me/tokens*' });
    await app.getByRole('button', { name: 'Refresh' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'Offline:' })).toBeVisible({
      timeout: 20_000,
    });
    await expectNoAxeViolations(app);
  });
});
