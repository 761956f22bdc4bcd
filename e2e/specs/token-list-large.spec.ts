import type { Page } from '@playwright/test';
import type { TokenView } from '../../shared/domain/token';
import { DAY_MS } from '../simulator/models/time';
import type { RunningHarness } from '../harness/harness';
import { expect, test } from '../fixtures';

// Live: none revoked or expired, so the list holds all 5,000 (crates.io's cap of 500 per user).
// The page opens only once every account is signed in.
test.use({ harnessOptions: { seed: 'generated:10x500:live' }, openAppAtOnce: false });

/** As the search field does: every word in the name or a crate pattern. */
function searched(tokens: readonly TokenView[], query: string): TokenView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return tokens.filter((token) => {
    const haystacks = [token.name, ...(token.cratePatterns ?? [])].map((text) =>
      text.toLowerCase(),
    );
    return words.every((word) => haystacks.some((text) => text.includes(word)));
  });
}

function countLine(page: Page) {
  return page.getByRole('status').filter({ hasText: /tokens?\b/ });
}

/** Signs in all ten users, then opens the app on their 5,000 tokens. */
async function openWithEveryAccount(app: Page, harness: RunningHarness) {
  await harness.signInEveryUser();
  const { tokens } = await harness.core.handlers['tokens:list']({});
  const accounts = await harness.core.handlers['accounts:list']({});
  expect(accounts.filter((account) => account.status === 'signed-in')).toHaveLength(10);
  expect(tokens).toHaveLength(5000);
  await app.goto(harness.url);
  const count = countLine(app);
  await expect(count).toHaveText('5000 tokens across 10 accounts');
  return { tokens, accounts, count };
}

// One journey per test: each stays well inside the time budget on a busy machine.
test.describe('token list with 10 accounts × 500 tokens', () => {
  test('lists, scrolls and sorts 5,000 tokens', async ({ app, harness }) => {
    const { tokens } = await openWithEveryAccount(app, harness);

    // The last row is drawn once the list region is scrolled to its end.
    const region = app.getByRole('region', { name: 'Token list' });
    const last = tokens.at(-1);
    await expect(async () => {
      await region.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
      await expect(app.locator(`tr[aria-rowindex="${tokens.length + 1}"]`)).toContainText(
        last?.name ?? 'missing',
        { timeout: 500 },
      );
    }).toPass({ timeout: 10_000 });

    // Sorting by a header marks it with aria-sort.
    const nameHeader = app.getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button', { name: 'Name' }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await nameHeader.getByRole('button', { name: 'Name' }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  });

  test('narrows 5,000 tokens by search, account and status', async ({ app, harness }) => {
    const { tokens, accounts, count } = await openWithEveryAccount(app, harness);

    const query = 'user03 token 12';
    const found = searched(tokens, query);
    expect(found.length).toBeGreaterThan(0);
    await app.getByRole('searchbox', { name: 'Search tokens' }).fill(query);
    await expect(count).toHaveText(`Showing ${found.length} of ${tokens.length} tokens`);
    await app.getByRole('searchbox', { name: 'Search tokens' }).fill('');
    await expect(count).toHaveText(`${tokens.length} tokens across 10 accounts`);

    const user05 = accounts.find((account) => account.login === 'user05');
    const ofUser05 = tokens.filter((token) => token.accountId === user05?.id);
    await app.getByRole('combobox', { name: 'Account' }).click();
    await app.getByRole('option', { name: /^user05\b/ }).click();
    await expect(count).toHaveText(`Showing ${ofUser05.length} of ${tokens.length} tokens`);

    // Status, combined with the account.
    const legacyOfUser05 = ofUser05.filter((token) => token.status === 'legacy');
    expect(legacyOfUser05.length).toBeGreaterThan(0);
    await app
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: 'Legacy' })
      .click();
    await expect(count).toHaveText(`Showing ${legacyOfUser05.length} of ${tokens.length} tokens`);
  });

  test('a day on, Refresh drops the expired ones and gives them back on request', async ({
    app,
    harness,
  }) => {
    const { tokens, count } = await openWithEveryAccount(app, harness);

    // The tokens that had hours left have expired: the registry leaves them
    // out of the list, and gives them back on request.
    harness.simulator.state.clock.advance(DAY_MS);
    const live = await harness.core.handlers['tokens:list']({});
    const withExpired = await harness.core.handlers['tokens:list']({ expiredDays: 30 });
    expect(live.tokens.length).toBeLessThan(tokens.length);
    expect(withExpired.tokens).toHaveLength(tokens.length);
    await app.getByRole('button', { name: 'Refresh' }).click();
    await expect(count).toHaveText(`${live.tokens.length} tokens across 10 accounts`);
    await app.getByRole('switch', { name: 'Show recently expired' }).check();
    await expect(count).toHaveText('5000 tokens across 10 accounts');
  });
});
