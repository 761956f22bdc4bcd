import type { Page } from '@playwright/test';
import { auditRisks } from '../../shared/domain/risk-audit';
import type { TokenView } from '../../shared/domain/token';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';
import { openSection } from './watch-helpers';

/**
 * The Crates page's risk audit (issue 12, item 5) on the demo seed: every
 * kind of finding, each fix (Regenerate narrower, Revoke, Set up trusted
 * publishing) and the count on the Crates nav item. The demo seed has no
 * token unused for 90 days or never used after 30, so two are made here
 * with the simulator's clock set back.
 */

const DAY_MS = 86_400_000;

test.use({ openAppAtOnce: false });

/** Makes a token `daysAgo` days in the past: the simulator stamps it with its own clock. */
async function tokenMadeDaysAgo(
  harness: RunningHarness,
  daysAgo: number,
  name: string,
  cratePatterns: string[],
): Promise<TokenView> {
  const clock = harness.simulator.state.clock;
  clock.apply({ advanceMs: -daysAgo * DAY_MS });
  try {
    const { token } = await harness.core.handlers['tokens:create']({
      accountId: harness.account?.id ?? 'missing account',
      name,
      endpointScopes: ['publish-update'],
      cratePatterns,
      expiresAt: null,
    });
    return token;
  } finally {
    clock.reset();
  }
}

/** The demo seed plus a token unused for 100 days and one never used in 40, then the app. */
async function openWithDormantTokens(app: Page, harness: RunningHarness): Promise<void> {
  const dormant = await tokenMadeDaysAgo(harness, 120, 'dormant deploy', ['kelp']);
  const record = harness.simulator.state.tokens.find((entry) => entry.id === dormant.tokenId);
  if (!record) throw new Error('the simulator has no record of the dormant token');
  record.lastUsedAt = new Date(Date.now() - 100 * DAY_MS);
  await tokenMadeDaysAgo(harness, 40, 'forgotten key', ['barnacle']);
  await app.goto(harness.url);
}

/** How many findings the audit should show for what the core lists now. */
async function expectedFindings(harness: RunningHarness): Promise<number> {
  const [{ tokens }, { crates }] = await Promise.all([
    harness.core.handlers['tokens:list']({}),
    harness.core.handlers['crates:overview']({}),
  ]);
  return auditRisks({ tokens, crates, now: new Date() }).length;
}

function audit(app: Page) {
  return app.getByRole('region', { name: 'Risk audit' });
}

/** A group of findings: the list under its heading. */
function group(app: Page, title: string) {
  return audit(app).getByRole('list', { name: title });
}

function finding(app: Page, title: string | RegExp) {
  return audit(app)
    .getByRole('listitem')
    .filter({ has: app.getByText(title, { exact: true }) });
}

function cratesNavItem(app: Page) {
  return app
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Crates', exact: true });
}

/** Opens the Crates page with every group of the audit unfolded. */
async function openAudit(app: Page): Promise<void> {
  await openSection(app, 'Crates');
  await expect(audit(app)).toBeVisible();
  await unfoldEveryGroup(app);
}

async function unfoldEveryGroup(app: Page): Promise<void> {
  // Each press turns its button into "Show fewer": take the first left until none is.
  const more = audit(app).getByRole('button', { name: /^Show all \d+$/ });
  while ((await more.count()) > 0) await more.first().click();
}

test.describe('risk audit', () => {
  test('finds every kind of risk in the demo seed and counts them on the Crates nav item', async ({
    app,
    harness,
  }) => {
    // axe on the whole Crates page takes long on a loaded machine.
    test.slow();
    await openWithDormantTokens(app, harness);
    const count = await expectedFindings(harness);
    // Counted from the first page, before the Crates page was ever opened.
    // Counted once the first screen is idle.
    await expect(cratesNavItem(app)).toHaveAccessibleDescription(`${String(count)} risk findings`, {
      timeout: 30_000,
    });

    await openSection(app, 'Crates');
    await expect(
      audit(app).getByText(`${String(count)} findings, most serious first`),
    ).toBeVisible();
    await expectNoAxeViolations(app);
    await unfoldEveryGroup(app);
    const expected: readonly [string, string | RegExp][] = [
      [
        'Legacy tokens',
        '“old laptop (legacy)” is a legacy token: it can do everything on every crate',
      ],
      ['Publishing any crate', '“everything, short-lived” can publish any crate'],
      ['Can change owners', '“owners admin” can change crate owners'],
      ['Several tokens publish one crate', /^\d+ tokens can publish new versions of quill$/],
      ['Never expire', '“owners admin” never expires'],
      [
        'On GitHub without trusted publishing',
        'quill-yaml is on GitHub but not on trusted publishing',
      ],
      ['Unused for 90 days', '“dormant deploy” has not been used for 100 days'],
      ['Never used after 30 days', '“forgotten key” has never been used'],
    ];
    for (const [title, example] of expected) {
      await expect(group(app, title).getByText(example, { exact: true })).toBeVisible();
    }
    // Crates already on trusted publishing are not reported as missing it.
    await expect(finding(app, 'quill is on GitHub but not on trusted publishing')).toHaveCount(0);
  });

  test('Regenerate narrower opens the builder with named crates, one scope and an expiry', async ({
    app,
    harness,
  }) => {
    await app.goto(harness.url);
    await openAudit(app);
    const legacy = finding(
      app,
      '“old laptop (legacy)” is a legacy token: it can do everything on every crate',
    );
    await legacy.getByRole('button', { name: 'Regenerate old laptop (legacy) narrower' }).click();

    await expect(app.getByRole('heading', { level: 1, name: 'Regenerate token' })).toBeVisible();
    await expect(app.getByText('Prefilled from “old laptop (legacy)”.')).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
      'old laptop (legacy) (2)',
    );
    await expect(app.getByRole('checkbox', { name: /^publish-update — / })).toBeChecked();
    for (const scope of ['publish-new', 'yank', 'change-owners', 'trusted-publishing']) {
      await expect(
        app.getByRole('checkbox', { name: new RegExp(`^${scope} — `) }),
      ).not.toBeChecked();
    }
    // The crates it could act on, by name, instead of every crate.
    const { crates } = await harness.core.handlers['crates:overview']({});
    const accountId = harness.account?.id ?? 'missing account';
    const owned = crates
      .filter((crate) => crate.ownerAccountIds.includes(accountId))
      .map((crate) => crate.name)
      .sort();
    const patterns = app.getByRole('textbox', { name: /^Crate pattern \d+$/ });
    await expect(patterns).toHaveCount(owned.length);
    await expect(patterns.first()).toHaveValue(owned[0] ?? '');
    await expect(patterns.last()).toHaveValue(owned.at(-1) ?? '');
    // An expiry instead of never: the builder's default.
    await expect(app.getByRole('radio', { name: '90 days' })).toBeChecked();
    // Nothing is sent until the user creates it.
    expect(harness.simulator.state.createTokenBodies).toEqual([]);
  });

  test('Revoke asks first, with the last use and what stops working, then revokes', async ({
    app,
    harness,
  }) => {
    await app.goto(harness.url);
    await openAudit(app);
    const before = await expectedFindings(harness);
    const owners = finding(app, '“owners admin” can change crate owners');
    await owners.getByRole('button', { name: 'Revoke owners admin' }).click();

    const login = harness.account?.login ?? 'missing login';
    const dialog = app.getByRole('dialog', {
      name: new RegExp(`^Revoke “owners admin” of ${login} on .+\\?$`),
    });
    await expect(dialog).toContainText(/Last used .+ ago/);
    await expect(dialog).toContainText('Today it can change owners of any crate');
    await expect(dialog).toContainText('stops working at once');
    await expectNoAxeViolations(app);
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(dialog).toBeHidden();

    await expect(owners).toHaveCount(0);
    await expect(finding(app, '“owners admin” never expires')).toHaveCount(0);
    const listed = await harness.core.handlers['tokens:list']({});
    expect(listed.tokens.some((token) => token.name === 'owners admin')).toBe(false);
    const record = harness.simulator.state.tokens.find((entry) => entry.name === 'owners admin');
    expect(record?.revoked).toBe(true);
    const after = await expectedFindings(harness);
    expect(after).toBeLessThan(before);
    await expect(cratesNavItem(app)).toHaveAccessibleDescription(`${String(after)} risk findings`);
  });

  test('Set up trusted publishing opens the Crates page’s dialog for that crate', async ({
    app,
    harness,
  }) => {
    await app.goto(harness.url);
    await openAudit(app);
    await finding(app, 'quill-yaml is on GitHub but not on trusted publishing')
      .getByRole('button', { name: 'Set up trusted publishing: quill-yaml' })
      .click();
    await expect(
      app.getByRole('dialog', { name: 'Set up trusted publishing for quill-yaml' }),
    ).toBeVisible();
  });
});

test.describe('risk audit with nothing to find', () => {
  // One crate without a repository and one legacy token.
  test.use({ harnessOptions: { seed: 'minimal' } });

  test('once the last risky token is revoked, it says so and what it checked; the badge goes', async ({
    app,
    harness,
  }) => {
    await app.goto(harness.url);
    await expect(cratesNavItem(app)).toHaveAccessibleDescription('2 risk findings', {
      timeout: 30_000,
    });
    await openSection(app, 'Crates');
    await finding(app, '“alice legacy” is a legacy token: it can do everything on every crate')
      .getByRole('button', { name: 'Revoke alice legacy' })
      .click();
    await app.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();

    await expect(audit(app).getByRole('heading', { name: 'No risks found' })).toBeVisible();
    await expect(audit(app)).toContainText(
      'Checked 0 tokens and 1 crate for legacy tokens, publish scopes on * or on no pattern',
    );
    await expect(cratesNavItem(app)).toHaveAccessibleName('Crates');
    await expectNoAxeViolations(app);
  });
});
