import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';
import { openSection } from './watch-helpers';

/**
 * The Crates page (issue 12, item 2) on the demo seed with both of its users
 * signed in: every crate of both accounts with its owners, which tokens can
 * publish-new, publish-update, yank and change owners of it, the token cargo
 * uses, and trusted publishing as the registry has it.
 */

test.use({ openAppAtOnce: false });
// Thirty crates with their tables, and axe over all of them, on a machine shared with other runs.
test.setTimeout(120_000);

const ACTIONS = ['Publish new', 'Publish update', 'Yank', 'Change owners'] as const;
type Action = (typeof ACTIONS)[number];

function hostOf(harness: RunningHarness): string {
  return new URL(harness.simulator.url).host;
}

function crateList(app: Page): Locator {
  return app.getByRole('list', { name: 'Crates', exact: true });
}

function crateCard(app: Page, name: string): Locator {
  return crateList(app).getByRole('listitem', { name, exact: true });
}

function accessTable(app: Page, crate: string): Locator {
  return crateCard(app, crate).getByRole('table', { name: `Tokens that can act on ${crate}` });
}

/** Unfolds a crate's token table (folded under its summary until asked for). */
async function showTokens(app: Page, crate: string): Promise<Locator> {
  const fold = crateCard(app, crate).getByRole('button', {
    name: new RegExp(`^(Show|Hide) the \\d+ tokens? that can act on ${crate}$`),
  });
  if ((await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  return accessTable(app, crate);
}

/** The actions a token's row marks as allowed, in the columns' order. */
async function actionsOf(app: Page, crate: string, token: string): Promise<Action[]> {
  const row = (await showTokens(app, crate))
    .getByRole('row')
    .filter({ has: app.getByText(token, { exact: true }) });
  await expect(row).toHaveCount(1);
  const cells = await row.getByRole('cell').allTextContents();
  return ACTIONS.filter((_action, index) => cells[index]?.includes('Yes') === true);
}

async function tokenNames(app: Page, crate: string): Promise<string[]> {
  return (await showTokens(app, crate)).locator('tbody .token-name').allTextContents();
}

/** Both demo users signed in, and a token of ferris's in cargo's credentials for the simulator. */
async function openWithTwoAccounts(app: Page, harness: RunningHarness): Promise<void> {
  await harness.signInEveryUser();
  const { token } = await harness.core.handlers['tokens:create']({
    accountId: harness.account?.id ?? 'missing account',
    name: 'cargo quill',
    endpointScopes: ['publish-update'],
    cratePatterns: ['quill'],
    expiresAt: null,
  });
  await harness.core.handlers['cargo:write']({ key: token.key });
  await app.goto(harness.url);
  await openSection(app, 'Crates');
  await expect(app.getByRole('heading', { name: 'Crates', level: 1 })).toBeVisible();
}

test.describe('Crates page', () => {
  test('lists the crates of both accounts with owners, tokens and cargo’s token', async ({
    app,
    harness,
  }) => {
    await openWithTwoAccounts(app, harness);
    const host = hostOf(harness);

    // ferris's, corro's and the shared ones, each once.
    for (const name of ['quill', 'crabtime', 'spiny_bindgen', 'corro-unsafe-audit', 'tidepool']) {
      await expect(crateCard(app, name)).toHaveCount(1);
    }
    await expect(app.getByRole('status').filter({ hasText: /across 2 accounts/ })).toHaveText(
      /^29 crates across 2 accounts, 4 on trusted publishing$/,
    );
    const quill = crateCard(app, 'quill');
    await expect(quill).toContainText('A generic serialization framework');
    await expect(quill).toContainText('https://github.com/ferris/quill');
    await expect(quill.getByRole('list', { name: 'Owners of quill' })).toHaveText('ferris');
    const tidepoolOwners = crateCard(app, 'tidepool').getByRole('list', {
      name: 'Owners of tidepool',
    });
    await expect(tidepoolOwners.getByRole('listitem')).toHaveText(['ferris', 'corro']);

    // Each table is folded under a summary until asked for.
    await expect(quill).toContainText('7 tokens can act on it, 6 of them can publish.');
    await expect(accessTable(app, 'quill')).toHaveCount(0);

    // quill: ferris's live tokens whose scopes and patterns reach it; not the expired,
    // not the revoked, not those for other crates, not corro's.
    expect(await tokenNames(app, 'quill')).toEqual(
      expect.arrayContaining([
        'old laptop (legacy)',
        'release quill family',
        'CI: quill',
        'everything, short-lived',
        'owners admin',
        'release-plz',
        'cargo quill',
      ]),
    );
    expect(await tokenNames(app, 'quill')).toHaveLength(7);
    expect(await actionsOf(app, 'quill', 'CI: quill')).toEqual(['Publish update']);
    expect(await actionsOf(app, 'quill', 'release quill family')).toEqual([
      'Publish new',
      'Publish update',
    ]);
    expect(await actionsOf(app, 'quill', 'owners admin')).toEqual(['Change owners']);
    expect(await actionsOf(app, 'quill', 'old laptop (legacy)')).toEqual([...ACTIONS]);
    const table = accessTable(app, 'quill');
    const via = (token: string) =>
      table.getByRole('row').filter({ has: app.getByText(token, { exact: true }) });
    await expect(via('old laptop (legacy)')).toContainText('Legacy: every scope, any crate');
    await expect(via('everything, short-lived')).toContainText('Pattern * (any crate)');
    await expect(via('owners admin')).toContainText('No patterns (any crate)');
    await expect(via('release quill family')).toContainText('Pattern quill*');

    // cargo's token: marked where it can act, said where it cannot.
    await expect(via('cargo quill').getByText('cargo', { exact: true })).toBeVisible();
    await expect(quill).toContainText(`cargo uses cargo quill for ${host}.`);
    await expect(crateCard(app, 'crabtime')).toContainText(
      `The token cargo uses for ${host} cannot act on this crate.`,
    );

    // corro's crate: corro's tokens only.
    expect((await tokenNames(app, 'spiny_bindgen')).sort()).toEqual(['corro CI', 'corro laptop']);
    expect(await actionsOf(app, 'spiny_bindgen', 'corro CI')).toEqual(['Publish update', 'Yank']);
    // A shared crate: the tokens of both owners.
    expect(await tokenNames(app, 'tidepool')).toEqual(
      expect.arrayContaining(['old laptop (legacy)', 'corro laptop']),
    );
    // With several owners, each token says whose it is.
    const tidepoolRow = (token: string) =>
      accessTable(app, 'tidepool')
        .getByRole('row')
        .filter({ has: app.getByText(token, { exact: true }) });
    await expect(tidepoolRow('corro laptop')).toContainText(
      'corro · Legacy: every scope, any crate',
    );
    await expect(tidepoolRow('old laptop (legacy)')).toContainText('ferris · Legacy');
    await expect(via('old laptop (legacy)')).not.toContainText('ferris ·');

    await expectNoAxeViolations(app, { include: 'main' });
  });

  test('shows trusted publishing from the demo seed: configs, the flag and its guard', async ({
    app,
    harness,
  }) => {
    await openWithTwoAccounts(app, harness);

    const quill = crateCard(app, 'quill');
    await expect(
      quill.getByRole('list', { name: 'Trusted publishing configurations of quill' }),
    ).toHaveText('GitHubferris/quill · publish.ymlenvironment release');
    await expect(
      quill.getByRole('button', { name: 'Delete GitHub configuration ferris/quill publish.yml' }),
    ).toBeVisible();
    const quillSwitch = quill.getByRole('switch', { name: 'Trusted publishing only for quill' });
    await expect(quillSwitch).not.toBeChecked();
    await expect(quillSwitch).toBeEnabled();
    await expect(quillSwitch).toHaveAccessibleDescription(
      'API tokens can still publish new versions too.',
    );

    await expect(
      crateCard(app, 'quill_derive').getByRole('list', {
        name: 'Trusted publishing configurations of quill_derive',
      }),
    ).toHaveText('GitHubferris/quill · publish.ymlany environment');
    await expect(
      crateCard(app, 'ferrous-log').getByRole('list', {
        name: 'Trusted publishing configurations of ferrous-log',
      }),
    ).toHaveText('GitLabferris/ferrous-log · .gitlab-ci.ymlany environment');

    const json = crateCard(app, 'quill_json');
    await expect(json.getByText('Trusted publishing only', { exact: true }).first()).toBeVisible();
    const jsonSwitch = json.getByRole('switch', { name: 'Trusted publishing only for quill_json' });
    await expect(jsonSwitch).toBeChecked();
    await expect(jsonSwitch).toHaveAccessibleDescription(
      'crates.io refuses new versions published with an API token.',
    );

    // No configuration: the switch stays off, and says why.
    const crabtime = crateCard(app, 'crabtime');
    await expect(crabtime).toContainText(
      'Not set up: publishing a new version needs an API token.',
    );
    const crabtimeSwitch = crabtime.getByRole('switch', {
      name: 'Trusted publishing only for crabtime',
    });
    await expect(crabtimeSwitch).toBeDisabled();
    await expect(crabtimeSwitch).toHaveAccessibleDescription(
      'Needs a configuration first: with none, nothing could publish new versions.',
    );
    await expect(
      crabtime.getByRole('button', { name: 'Set up trusted publishing for crabtime' }),
    ).toBeVisible();

    // Search and the trusted-publishing filter narrow the list.
    await app.getByLabel('Find a crate').fill('quill-json');
    await expect(crateList(app).getByRole('listitem', { name: /./ })).toHaveCount(1);
    await app.getByLabel('Find a crate').fill('');
    await app
      .getByRole('group', { name: 'Show crates' })
      .getByRole('button', {
        name: 'Trusted publishing',
      })
      .click();
    await expect(crateList(app).locator('> li')).toHaveCount(4);

    await expectNoAxeViolations(app, { include: 'main' });
  });

  test('says which account is signed out and what could not be read', async ({ app, harness }) => {
    await openWithTwoAccounts(app, harness);
    await expect(crateCard(app, 'spiny_bindgen')).toHaveCount(1);

    // corro's session ends, and the registry's trusted-publishing lists fail.
    const corro = harness.simulator.state.db.userByLogin('corro');
    if (!corro) throw new Error('The seed has no user corro');
    for (const [id, session] of harness.simulator.state.db.sessions) {
      if (session.userId === corro.id) harness.simulator.state.db.sessions.delete(id);
    }
    harness.simulator.state.faults.add({
      kind: 'http-500',
      route: '/api/v1/trusted_publishing/*',
      message: 'trusted publishing is resting',
    });
    await app.getByRole('button', { name: 'Refresh', exact: true }).click();

    await expect(
      app.getByRole('button', { name: `Sign in again as corro on ${hostOf(harness)}` }),
    ).toBeVisible();
    await expect(
      app.getByText('One account is signed out: its crates are not listed'),
    ).toBeVisible();
    await expect(crateCard(app, 'spiny_bindgen')).toHaveCount(0);
    // A crate both own stays, with the owner whose crates could be read.
    await expect(
      crateCard(app, 'tidepool').getByRole('list', { name: 'Owners of tidepool' }),
    ).toHaveText('ferris');
    const quill = crateCard(app, 'quill');
    await expect(quill).toContainText('Trusted publishing could not be read:');
    await expect(quill.getByRole('switch')).toHaveCount(0);
    await expect(quill.getByText('Trusted publishing unknown')).toBeVisible();

    await expectNoAxeViolations(app, { include: 'main' });
  });
});
