import type { Page } from '@playwright/test';
import { crateMatchOf } from '../../shared/domain/token-crate-search';
import { expect, expectNoAxeViolations, test } from '../fixtures';

// Search by crate (issue 12): a crate name in the token list's search also finds
// the tokens whose patterns cover it by crates.io's rules, marked in the row.

function searchField(app: Page) {
  return app.getByRole('searchbox', { name: 'Search tokens' });
}

function row(app: Page, name: string) {
  return app.getByRole('table', { name: 'Tokens' }).getByRole('row').filter({ hasText: name });
}

function countLine(app: Page) {
  return app.getByRole('status').filter({ hasText: /tokens?\b/ });
}

test.describe('search by crate', () => {
  test('a crate name finds prefix, `*`, no-pattern and legacy tokens, each marked', async ({
    app,
    harness,
  }) => {
    const { tokens } = await harness.core.handlers['tokens:list']({});
    const covering = tokens.filter((token) => crateMatchOf(token, 'quill-core') !== null);
    // The demo seed: `quill*`, `quill*, ferrous*, crabtime`, `*`, no pattern, and a legacy token.
    expect(covering.map((token) => token.name).sort()).toEqual([
      'everything, short-lived',
      'old laptop (legacy)',
      'owners admin',
      'release quill family',
      'release-plz',
    ]);
    await expect(row(app, 'CI: quill')).toHaveCount(1);

    await searchField(app).fill('quill-core');
    await expect(countLine(app)).toHaveText(
      `Showing ${String(covering.length)} of ${String(tokens.length)} tokens`,
    );
    await expect(
      row(app, 'release quill family').getByRole('img', { name: 'Covers quill-core via quill*' }),
    ).toBeVisible();
    await expect(
      row(app, 'release-plz').getByRole('img', { name: 'Covers quill-core via quill*' }),
    ).toBeVisible();
    await expect(
      row(app, 'everything, short-lived').getByRole('img', {
        name: 'Covers quill-core: any crate',
      }),
    ).toBeVisible();
    await expect(
      row(app, 'owners admin').getByRole('img', { name: 'Covers quill-core: any crate' }),
    ).toBeVisible();
    await expect(
      row(app, 'old laptop (legacy)').getByRole('img', {
        name: 'Covers quill-core: legacy token, every crate',
      }),
    ).toBeVisible();
    // `quill` and `quill_json` are exact names: they do not cover quill-core.
    await expect(row(app, 'CI: quill')).toHaveCount(0);
    await expect(row(app, '2023 release token')).toHaveCount(0);
    // The chip's label is short enough for the column; its hover hint says why.
    const chip = row(app, 'release quill family').getByRole('img', {
      name: 'Covers quill-core via quill*',
    });
    await expect(chip).toHaveText('via quill*');
    await expect(chip).toHaveAttribute(
      'data-hint',
      /Its pattern quill\* covers the crate quill-core/,
    );

    // An exact pattern is found and named too, beside the text match.
    await searchField(app).fill('quill');
    await expect(
      row(app, 'CI: quill').getByRole('img', { name: 'Covers quill via quill', exact: true }),
    ).toBeVisible();

    await expectNoAxeViolations(app);
  });

  test('names and pattern text are still found as before, unmarked', async ({ app, harness }) => {
    const { tokens } = await harness.core.handlers['tokens:list']({});
    // Two words are never a crate name: only the text search.
    await searchField(app).fill('new crates');
    await expect(countLine(app)).toHaveText(`Showing 1 of ${String(tokens.length)} tokens`);
    await expect(row(app, 'new crates (never used)')).toHaveCount(1);
    await expect(app.getByRole('img', { name: /^Covers / })).toHaveCount(0);
    // Punctuation is not a crate name either: "CI: quill" finds its token by name alone.
    await searchField(app).fill('CI: quill');
    await expect(countLine(app)).toHaveText(`Showing 1 of ${String(tokens.length)} tokens`);
    await expect(app.getByRole('img', { name: /^Covers / })).toHaveCount(0);

    // Pattern text with its `*` is not a crate name either.
    await searchField(app).fill('ferrous*');
    const withPattern = tokens.filter((token) => token.cratePatterns?.includes('ferrous*'));
    await expect(countLine(app)).toHaveText(
      `Showing ${String(withPattern.length)} of ${String(tokens.length)} tokens`,
    );
    await expect(app.getByRole('img', { name: /^Covers / })).toHaveCount(0);

    // Cleared: every token, no chip.
    await searchField(app).fill('');
    await expect(countLine(app)).not.toContainText('Showing');
    await expect(app.getByRole('img', { name: /^Covers / })).toHaveCount(0);
  });

  test('a crate no token covers shows why nothing matches', async ({ app }) => {
    await searchField(app).fill('"nothing-here"');
    await expect(app.getByText('No tokens match “"nothing-here"”')).toBeVisible();
    await expect(app.getByText(/a crate name also finds the tokens/)).toBeVisible();
  });
});
