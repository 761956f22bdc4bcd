import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';
import { openSection } from './watch-helpers';

/**
 * Retiring the tokens trusted publishing replaced (issue 12, item 4): once a
 * crate has a configuration, the tokens whose only job was publishing it are
 * offered, listed in one confirmation, revoked, and gone from the list.
 *
 * In the demo seed crabtime is on GitHub without trusted publishing, and
 * "hotfix (expires today)" can only publish-update crabtime.
 */

const RETIRE_CRABTIME = 'Retire tokens replaced by trusted publishing for crabtime';

function crateCard(app: Page, name: string) {
  return app.getByRole('list', { name: 'Crates' }).getByRole('listitem', { name, exact: true });
}

/** Puts crabtime on trusted publishing with the account's session, as the set-up dialog does. */
async function putCrabtimeOnTrustedPublishing(harness: RunningHarness): Promise<void> {
  await harness.core.handlers['crates:add-github-config']({
    accountId: harness.account?.id ?? 'missing account',
    crate: 'crabtime',
    repositoryOwner: 'ferris',
    repositoryName: 'crabtime',
    workflowFilename: 'publish.yml',
    environment: null,
  });
}

/** Shows the Crates page afresh (it reads crates and tokens when it opens). */
async function reopenCrates(app: Page): Promise<void> {
  await openSection(app, 'Tokens');
  await openSection(app, 'Crates');
  await expect(app.getByRole('list', { name: 'Crates' })).toBeVisible();
}

function simulatorRecord(harness: RunningHarness, name: string) {
  return harness.simulator.state.tokens.find((entry) => entry.name === name);
}

test.describe('retire tokens', () => {
  test('a crate put on trusted publishing offers its publish-only token, revoked in one confirmed step', async ({
    app,
    harness,
  }) => {
    // axe on the whole Crates page takes long on a loaded machine.
    test.slow();
    await openSection(app, 'Crates');
    const crabtime = crateCard(app, 'crabtime');
    await expect(crabtime).toBeVisible();
    await expect(crabtime.getByRole('button', { name: RETIRE_CRABTIME })).toHaveCount(0);
    // quill is on trusted publishing in the seed: its CI token is offered already.
    await expect(crateCard(app, 'quill')).toContainText(
      '1 token only published quill; trusted publishing does that job now, so it can be revoked.',
    );

    await putCrabtimeOnTrustedPublishing(harness);
    await reopenCrates(app);
    await expect(crabtime).toContainText(
      '1 token only published crabtime; trusted publishing does that job now, so it can be revoked.',
    );
    await crabtime.getByRole('button', { name: RETIRE_CRABTIME }).click();

    const dialog = app.getByRole('dialog', {
      name: 'Retire the token trusted publishing replaced for crabtime?',
    });
    await expect(dialog).toContainText('stops working at once');
    const listed = dialog.getByRole('list', { name: 'Tokens to retire' }).getByRole('listitem');
    await expect(listed).toHaveCount(1);
    const login = harness.account?.login ?? 'missing login';
    await expect(listed).toContainText('hotfix (expires today)');
    await expect(listed).toContainText(`${login} on `);
    await expect(listed.locator('code')).toHaveText('crabtime');
    await expect(listed).toContainText(/last used .+ ago/);
    await expectNoAxeViolations(app);

    await dialog.getByRole('button', { name: 'Revoke 1 token' }).click();
    await expect(listed.getByRole('status')).toHaveText('Revoked');
    expect(simulatorRecord(harness, 'hotfix (expires today)')?.revoked).toBe(true);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(crabtime.getByRole('button', { name: RETIRE_CRABTIME })).toHaveCount(0);

    await openSection(app, 'Tokens');
    await expect(
      app
        .getByRole('table', { name: 'Tokens' })
        .getByRole('row')
        .filter({ has: app.getByText('hotfix (expires today)', { exact: true }) }),
    ).toHaveCount(0);
    await expect(app.getByRole('table', { name: 'Tokens' })).toContainText('release-plz');
  });

  test('a refusal is shown word for word and the token stays', async ({ app, harness }) => {
    await putCrabtimeOnTrustedPublishing(harness);
    harness.simulator.state.faults.add({
      kind: 'http-500',
      route: '/api/v1/me/tokens/*',
      method: 'DELETE',
      message: 'the registry is having a moment',
    });
    await openSection(app, 'Crates');
    await crateCard(app, 'crabtime').getByRole('button', { name: RETIRE_CRABTIME }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Revoke 1 token' }).click();

    const result = dialog.getByRole('listitem').getByRole('status');
    await expect(result).toContainText('the registry is having a moment');
    await expect(result).toContainText('not revoked');
    expect(simulatorRecord(harness, 'hotfix (expires today)')?.revoked).toBe(false);
    // Still offered, once per press: nothing is retried behind the user's back.
    await expect(dialog.getByRole('button', { name: 'Revoke 1 token' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      crateCard(app, 'crabtime').getByRole('button', { name: RETIRE_CRABTIME }),
    ).toBeVisible();
  });
});
