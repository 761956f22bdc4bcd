import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import type { RunningHarness } from '../harness/harness';
import { openSection } from './watch-helpers';

/**
 * Trusted publishing from the Crates page (issue 12, item 3): setting up a
 * GitHub and a GitLab configuration with crates.io's live checks and texts,
 * a registry refusal word for word, the workflow to copy, deleting with a
 * confirmation, and the "Trusted publishing only" switch with its guard.
 */

// Thirty crates on the page, and axe over dialogs, on a machine shared with other runs.
test.setTimeout(120_000);

function crateCard(app: Page, name: string): Locator {
  return app
    .getByRole('list', { name: 'Crates', exact: true })
    .getByRole('listitem', { name, exact: true });
}

async function openCrates(app: Page): Promise<void> {
  await openSection(app, 'Crates');
  await expect(crateCard(app, 'quill')).toBeVisible();
}

async function openSetup(app: Page, crate: string): Promise<Locator> {
  await crateCard(app, crate)
    .getByRole('button', { name: `Set up trusted publishing for ${crate}` })
    .click();
  const dialog = app.getByRole('dialog', { name: `Set up trusted publishing for ${crate}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

function crateRecord(harness: RunningHarness, name: string) {
  const record = harness.simulator.state.db.crateByName(name);
  if (!record) throw new Error(`The seed has no crate ${name}`);
  return record;
}

function configsOf(harness: RunningHarness, crate: string) {
  const { id } = crateRecord(harness, crate);
  const { githubConfigs, gitlabConfigs } = harness.simulator.state.db;
  return {
    github: githubConfigs.filter((config) => config.crateId === id),
    gitlab: gitlabConfigs.filter((config) => config.crateId === id),
  };
}

test.describe('trusted publishing', () => {
  test('sets up a GitHub configuration: live checks, a refusal, the workflow to copy', async ({
    app,
    harness,
  }) => {
    await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(harness.url).origin,
    });
    await openCrates(app);
    const dialog = await openSetup(app, 'crabtime');

    // Prefilled from the crate's repository; typing starts in the first empty field.
    const owner = dialog.getByRole('textbox', { name: 'Repository owner' });
    const repository = dialog.getByRole('textbox', { name: 'Repository name' });
    const workflow = dialog.getByRole('textbox', { name: 'Workflow file' });
    const environment = dialog.getByRole('textbox', { name: 'Environment' });
    await expect(owner).toHaveValue('ferris');
    await expect(repository).toHaveValue('crabtime');
    await expect(workflow).toBeFocused();
    // Untouched, the empty workflow field says what it is for, not what is wrong.
    await expect(workflow).toHaveAccessibleDescription(
      'Its file name in .github/workflows, e.g. publish.yml.',
    );
    await expect(workflow).not.toHaveAttribute('aria-invalid', 'true');

    // Add with the field empty: crates.io's words, and focus on it.
    await dialog.getByRole('button', { name: 'Add configuration' }).click();
    await expect(workflow).toHaveAccessibleDescription('Workflow filename may not be empty');
    await expect(workflow).toHaveAttribute('aria-invalid', 'true');
    await expect(workflow).toBeFocused();

    await workflow.fill('publish');
    await expect(workflow).toHaveAccessibleDescription(
      'Workflow filename must end with .yml or .yaml',
    );
    await expect(dialog.getByText('.yml', { exact: true })).toHaveJSProperty('tagName', 'CODE');
    await workflow.fill('.github/workflows/publish.yml');
    await expect(workflow).toHaveAccessibleDescription(
      'Workflow filename must be a filename only, without directories',
    );
    await owner.fill('ferris_crab');
    await expect(owner).toHaveAccessibleDescription('Invalid GitHub repository owner name');
    await repository.fill('');
    await expect(repository).toHaveAccessibleDescription('GitHub repository name may not be empty');
    await environment.fill(' release');
    await expect(environment).toHaveAccessibleDescription(
      'Environment name may not start with whitespace',
    );
    await environment.fill('rel;ease');
    await expect(environment).toHaveAccessibleDescription(
      'Environment name must not contain non-printable characters or the characters "\'", """, "`", ",", ";", "\\"',
    );
    await expectNoAxeViolations(app, { include: '[role="dialog"]' });

    // Valid by the rules, but GitHub has no such owner: the registry's refusal, word for word.
    await owner.fill('no-such-owner-xyz');
    await repository.fill('crabtime');
    await workflow.fill('publish.yml');
    await environment.fill('release');
    await dialog.getByRole('button', { name: 'Add configuration' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('The configuration was not added');
    await expect(refusal).toContainText('Unknown GitHub user or organization');
    expect(configsOf(harness, 'crabtime').github).toEqual([]);

    await owner.fill('ferris');
    await expect(refusal).toBeHidden();
    await dialog.getByRole('button', { name: 'Add configuration' }).click();

    await expect(
      dialog.getByRole('alert').filter({ hasText: 'Configuration added' }),
    ).toContainText(
      'GitHub Actions runs of publish.yml in ferris/crabtime (environment release) can now publish crabtime.',
    );
    const snippet = dialog.getByRole('group', {
      name: 'Workflow for .github/workflows/publish.yml',
    });
    const registry = harness.simulator.url.replace(/\/$/, '');
    for (const line of [
      `name: Publish to ${new URL(registry).host}`,
      '    environment: release',
      '      id-token: write # lets the job ask GitHub for an OIDC token',
      '      - uses: rust-lang/crates-io-auth-action@v1',
      '        id: auth',
      `          url: ${registry}`,
      '      - run: cargo publish --registry sim',
      '          CARGO_REGISTRIES_SIM_TOKEN: ${{ steps.auth.outputs.token }}',
    ]) {
      await expect(snippet).toContainText(line);
    }
    await dialog.getByRole('button', { name: 'Copy the workflow' }).click();
    await expect(
      app.getByText('Copied the workflow for .github/workflows/publish.yml.'),
    ).toBeVisible();
    const copied = await app.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('uses: rust-lang/crates-io-auth-action@v1');
    expect(copied).toBe(await snippet.textContent());
    await expectNoAxeViolations(app, { include: '[role="dialog"]' });

    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    const [saved] = configsOf(harness, 'crabtime').github;
    expect(saved).toMatchObject({
      repositoryOwner: 'ferris',
      repositoryName: 'crabtime',
      workflowFilename: 'publish.yml',
      environment: 'release',
    });
    const card = crateCard(app, 'crabtime');
    await expect(
      card.getByRole('list', { name: 'Trusted publishing configurations of crabtime' }),
    ).toHaveText('GitHubferris/crabtime · publish.ymlenvironment release');
    // With a configuration, the switch may be turned on.
    await expect(
      card.getByRole('switch', { name: 'Trusted publishing only for crabtime' }),
    ).toBeEnabled();
  });

  test('sets up a GitLab configuration with its own checks and job', async ({ app, harness }) => {
    await openCrates(app);
    const dialog = await openSetup(app, 'shellfish');
    await dialog.getByRole('radio', { name: 'GitLab CI' }).check();

    const namespace = dialog.getByRole('textbox', { name: 'Namespace' });
    const project = dialog.getByRole('textbox', { name: 'Project' });
    const path = dialog.getByRole('textbox', { name: 'Workflow file path' });
    const environment = dialog.getByRole('textbox', { name: 'Environment' });
    await expect(path).toHaveValue('.gitlab-ci.yml');
    await expect(namespace).toHaveValue('');
    await expect(namespace).not.toHaveAttribute('aria-invalid', 'true');

    await namespace.fill('ferris/tools.git');
    await expect(namespace).toHaveAccessibleDescription(
      'GitLab namespace cannot end with .atom or .git',
    );
    await namespace.fill('ferris/tools');
    await expect(namespace).toHaveAccessibleDescription(
      'The GitLab user or group, with subgroups: group/sub.',
    );
    await project.fill('-shellfish');
    await expect(project).toHaveAccessibleDescription('Invalid GitLab project name');
    await path.fill('/ci/publish.yml');
    await expect(path).toHaveAccessibleDescription('Workflow filepath cannot start with /');
    await path.fill('ci/');
    await expect(path).toHaveAccessibleDescription('Workflow filepath cannot end with /');
    await environment.fill('prod!');
    await expect(environment).toHaveAccessibleDescription(
      'Environment name contains invalid characters',
    );
    await expectNoAxeViolations(app, { include: '[role="dialog"]' });

    await project.fill('shellfish');
    await path.fill('ci/publish.yml');
    await environment.fill('production');
    await dialog.getByRole('button', { name: 'Add configuration' }).click();
    await expect(
      dialog.getByRole('alert').filter({ hasText: 'Configuration added' }),
    ).toContainText(
      'GitLab CI runs of ci/publish.yml in ferris/tools/shellfish (environment production) can now publish shellfish.',
    );
    const snippet = dialog.getByRole('group', { name: 'Workflow for ci/publish.yml' });
    for (const line of [
      '  environment: production',
      '  id_tokens:',
      '    CRATES_IO_ID_TOKEN:',
      '      aud: 127.0.0.1',
      `${harness.simulator.url.replace(/\/$/, '')}/api/v1/trusted_publishing/tokens`,
      '      export CARGO_REGISTRIES_SIM_TOKEN',
      '      cargo publish --registry sim',
    ]) {
      await expect(snippet).toContainText(line);
    }
    await dialog.getByRole('button', { name: 'Done' }).click();

    expect(configsOf(harness, 'shellfish').gitlab).toEqual([
      expect.objectContaining({
        namespace: 'ferris/tools',
        project: 'shellfish',
        workflowFilepath: 'ci/publish.yml',
        environment: 'production',
      }),
    ]);
    await expect(
      crateCard(app, 'shellfish').getByRole('list', {
        name: 'Trusted publishing configurations of shellfish',
      }),
    ).toHaveText('GitLabferris/tools/shellfish · ci/publish.ymlenvironment production');
  });

  test('the switch asks first, deleting the last configuration asks too, and the guard holds', async ({
    app,
    harness,
  }) => {
    await openCrates(app);
    const card = crateCard(app, 'quill_derive');
    const lock = card.getByRole('switch', { name: 'Trusted publishing only for quill_derive' });
    await expect(lock).not.toBeChecked();

    // Switching on (here from the keyboard) warns that token publishes will be refused;
    // Cancel changes nothing and gives focus back to the switch.
    await lock.focus();
    await app.keyboard.press('Space');
    const confirm = app.getByRole('dialog', { name: 'Only trusted publishing for quill_derive?' });
    await expect(confirm).toContainText(
      'crates.io will refuse every new version of quill_derive published with an API token',
    );
    await expect(confirm).toContainText('ferris/quill publish.yml');
    await expectNoAxeViolations(app, { include: '[role="dialog"]' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(lock).not.toBeChecked();
    await expect(lock).toBeFocused();
    expect(crateRecord(harness, 'quill_derive').trustpubOnly).toBe(false);

    await lock.click();
    await confirm.getByRole('button', { name: 'Allow only trusted publishing' }).click();
    await expect(confirm).toBeHidden();
    await expect(lock).toBeChecked();
    expect(crateRecord(harness, 'quill_derive').trustpubOnly).toBe(true);
    await expect(card.getByText('Trusted publishing only', { exact: true }).first()).toBeVisible();

    // Deleting the last configuration of a locked crate says what that means.
    await card
      .getByRole('button', { name: 'Delete GitHub configuration ferris/quill publish.yml' })
      .click();
    const remove = app.getByRole('dialog', { name: 'Delete this GitHub configuration?' });
    await expect(remove).toContainText(
      'GitHub Actions runs of publish.yml in ferris/quill (any environment) will no longer be able to publish quill_derive.',
    );
    await expect(remove).toContainText('nothing can publish new versions of quill_derive');
    await expectNoAxeViolations(app, { include: '[role="dialog"]' });
    await remove.getByRole('button', { name: 'Cancel' }).click();
    expect(configsOf(harness, 'quill_derive').github).toHaveLength(1);
    await card
      .getByRole('button', { name: 'Delete GitHub configuration ferris/quill publish.yml' })
      .click();
    await remove.getByRole('button', { name: 'Delete configuration' }).click();
    await expect(remove).toBeHidden();
    expect(configsOf(harness, 'quill_derive').github).toEqual([]);
    await expect(card).toContainText('Not set up: publishing a new version needs an API token.');

    // Still on, with nothing to publish through: it can be switched off, without a question.
    await expect(lock).toHaveAccessibleDescription(
      'On without a configuration: nothing can publish new versions until one is added.',
    );
    await lock.click();
    await expect(lock).not.toBeChecked();
    expect(crateRecord(harness, 'quill_derive').trustpubOnly).toBe(false);
    // And now, with no configuration, it will not switch on again.
    await expect(lock).toBeDisabled();
    await expect(lock).toHaveAccessibleDescription(
      'Needs a configuration first: with none, nothing could publish new versions.',
    );

    // The core refuses too, whoever asks.
    const accountId = harness.account?.id ?? 'missing account';
    await expect(
      harness.core.handlers['crates:set-trustpub-only']({
        accountId,
        crate: 'quill_derive',
        trustpubOnly: true,
      }),
    ).rejects.toThrow();
    expect(crateRecord(harness, 'quill_derive').trustpubOnly).toBe(false);
    await expectNoAxeViolations(app, { include: 'main' });
  });
});
