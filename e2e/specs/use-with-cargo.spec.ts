import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test as base } from '../fixtures';
import type { RunningHarness } from '../harness/harness';

/**
 * The whole "one click into cargo" journey in the window, with a throw-away
 * CARGO_HOME (never the real one): Use with cargo, the "cargo" chip, Remove
 * from cargo, Import from cargo, and Rotate following cargo. The file is read
 * from Node to check the secret's place and every other byte.
 */

/** A hand-written credentials file: comments, alignment, a blank line, another registry. */
const HAND_WRITTEN = [
  '# My cargo credentials, written by hand.',
  '',
  '[registries.other]   # a registry Cratekeeper does not know',
  'token = "other-registry-token"  # keep this comment',
  '',
].join('\n');

const test = base.extend<{ cargoHome: string }>({
  // Playwright reads a fixture's dependencies from this pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  cargoHome: async ({}, use) => {
    const home = await mkdtemp(join(tmpdir(), 'cratekeeper-spec-cargo-'));
    await writeFile(join(home, 'credentials.toml'), HAND_WRITTEN);
    await use(home);
    await rm(home, { recursive: true, force: true });
  },
  harnessOptions: async ({ cargoHome }, use) => {
    await use({ cargoHome });
  },
  // The test makes a held token and cargo's config first; then the page opens.
  openAppAtOnce: false,
});

function credentials(cargoHome: string): Promise<string> {
  return readFile(join(cargoHome, 'credentials.toml'), 'utf8');
}

/** cargo's config naming the simulator `sim`, as a user's would. */
async function pointCargoAtSimulator(harness: RunningHarness, cargoHome: string): Promise<void> {
  await writeFile(
    join(cargoHome, 'config.toml'),
    `[registries.sim]\nindex = "sparse+${harness.simulator.url}/index/"\n`,
  );
}

/** A held token: "CI: quill" rotated, so the app holds the new one's secret. */
async function heldToken(harness: RunningHarness) {
  const { tokens } = await harness.core.handlers['tokens:list']({});
  const quill = tokens.find((token) => token.name === 'CI: quill');
  if (!quill) throw new Error('the demo seed has no “CI: quill”');
  const inThirtyDays = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const { created } = await harness.core.handlers['tokens:rotate']({
    key: quill.key,
    expiresAt: inThirtyDays,
  });
  const { secret } = await harness.core.handlers['tokens:reveal']({ key: created.key });
  return { token: created, secret };
}

function row(app: Page, name: string) {
  return app
    .getByRole('table', { name: 'Tokens' })
    .getByRole('row')
    .filter({ has: app.getByText(name, { exact: true }) });
}

/**
 * cargo pointed at the simulator, a held token, and the page open on the list;
 * with `usedByCargo`, the token is already in cargo's file and marked so.
 */
async function openWithHeldToken(
  app: Page,
  harness: RunningHarness,
  cargoHome: string,
  { usedByCargo = false }: { usedByCargo?: boolean } = {},
) {
  await pointCargoAtSimulator(harness, cargoHome);
  const held = await heldToken(harness);
  if (usedByCargo) await harness.core.handlers['cargo:write']({ key: held.token.key });
  await app.goto(harness.url);
  if (usedByCargo) {
    await expect(
      row(app, held.token.name).getByRole('img', { name: 'Used by cargo for sim', exact: true }),
    ).toBeVisible();
  }
  return held;
}

/** Presses the row's "Use NAME with cargo" and answers its dialog. */
async function openUseDialog(app: Page, name: string) {
  await app.getByRole('button', { name: `Use ${name} with cargo`, exact: true }).click();
  return app.getByRole('dialog', { name: `Use “${name}” with cargo` });
}

test.describe('use with cargo', () => {
  test('writes the held token into cargo, marks it, and removes it again, every other byte kept', async ({
    app,
    harness,
    cargoHome,
  }) => {
    const { token, secret } = await openWithHeldToken(app, harness, cargoHome);

    const dialog = await openUseDialog(app, token.name);
    await expect(dialog).toContainText(join(cargoHome, 'credentials.toml'));
    const change = dialog.getByRole('figure');
    await expect(change).toContainText('[registries.sim]');
    await expect(change).toContainText('token = "');
    // The change is shown with the secret masked: never the secret itself.
    await expect(dialog).not.toContainText(secret);

    await dialog.getByRole('button', { name: 'Write to cargo', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByText(`cargo now uses “${token.name}”`)).toBeVisible();
    await expect(
      row(app, token.name).getByRole('img', { name: 'Used by cargo for sim', exact: true }),
    ).toBeVisible();

    const written = await credentials(cargoHome);
    // Every byte that was there is still there, the new table after it.
    expect(written.startsWith(HAND_WRITTEN)).toBe(true);
    expect(written.slice(HAND_WRITTEN.length)).toMatch(
      new RegExp(`^\\n?\\[registries\\.sim\\]\\r?\\ntoken = "${secret}"\\r?\\n?$`),
    );

    // The token cargo uses offers Remove in the same place Use was.
    await app.getByRole('button', { name: `Remove ${token.name} from cargo`, exact: true }).click();
    const confirm = app.getByRole('dialog', { name: `Remove “${token.name}” from cargo?` });
    await confirm.getByRole('button', { name: 'Remove from cargo', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(row(app, token.name).getByRole('img', { name: /^Used by cargo/ })).toHaveCount(0);
    await expect(
      app.getByRole('button', { name: `Use ${token.name} with cargo`, exact: true }),
    ).toBeVisible();
    const removed = await credentials(cargoHome);
    expect(removed).not.toContain(secret);
    expect(removed.startsWith(HAND_WRITTEN)).toBe(true);
  });

  // An axe scan takes tens of seconds on a loaded machine: one per test, in tests of their own.
  test('the Use with cargo dialog has no accessibility violations', async ({
    app,
    harness,
    cargoHome,
  }) => {
    const { token } = await openWithHeldToken(app, harness, cargoHome);
    const dialog = await openUseDialog(app, token.name);
    await expect(dialog.getByRole('figure')).toContainText('[registries.sim]');
    await expectNoAxeViolations(app);
  });

  test('the list with the cargo chip and Remove action has no accessibility violations', async ({
    app,
    harness,
    cargoHome,
  }) => {
    const { token } = await openWithHeldToken(app, harness, cargoHome, { usedByCargo: true });
    await expect(
      app.getByRole('button', { name: `Remove ${token.name} from cargo`, exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(app);
  });

  test('imports a token that cargo has and Cratekeeper does not hold', async ({
    app,
    harness,
    cargoHome,
  }) => {
    await pointCargoAtSimulator(harness, cargoHome);
    const foreign = 'cioForeignTokenWrittenByTheUser0123456';
    await writeFile(
      join(cargoHome, 'credentials.toml'),
      `${HAND_WRITTEN}\n[registries.sim]\ntoken = "${foreign}"\n`,
    );
    await app.goto(harness.url);

    const notice = app.getByRole('alert').filter({
      hasText: 'cargo has a token for the registry “sim” that Cratekeeper does not hold',
    });
    await expect(notice).toBeVisible();
    await expectNoAxeViolations(app);
    await notice.getByRole('button', { name: 'Import from cargo', exact: true }).click();
    await expect(notice).toBeHidden();

    const imported = row(app, "cargo's sim token");
    await expect(imported).toHaveCount(1);
    await expect(imported.getByLabel('Secret held in Cratekeeper')).toBeVisible();
    await expect(
      imported.getByRole('img', { name: 'Used by cargo for sim', exact: true }),
    ).toBeVisible();
    // Importing reads the file; it never writes it.
    expect(await credentials(cargoHome)).toBe(
      `${HAND_WRITTEN}\n[registries.sim]\ntoken = "${foreign}"\n`,
    );
  });

  test('rotating the token cargo uses says so first, then writes the new secret for cargo', async ({
    app,
    harness,
    cargoHome,
  }) => {
    const { token } = await openWithHeldToken(app, harness, cargoHome, { usedByCargo: true });

    await app.getByRole('button', { name: `Rotate ${token.name}`, exact: true }).click();
    const dialog = app.getByRole('dialog');
    await expect(dialog).toContainText('stops working at once');
    await expect(dialog).toContainText(
      "cargo's credentials will get the new token in the same step.",
    );
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: `Rotated “${token.name}”` })).toBeVisible();

    const { tokens } = await harness.core.handlers['tokens:list']({});
    const next = tokens.find((candidate) => candidate.name === token.name);
    if (!next) throw new Error('the rotated token is not listed');
    const { secret } = await harness.core.handlers['tokens:reveal']({ key: next.key });
    expect(await credentials(cargoHome)).toContain(`token = "${secret}"`);
    await expect(dialog.getByText('cargo uses this token for the registry “sim”.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(
      row(app, token.name).getByRole('img', { name: 'Used by cargo for sim' }),
    ).toBeVisible();
    // cargo has the new token: no alert that it uses a revoked one.
    await expect(app.getByText(/but it was revoked/)).toHaveCount(0);
  });

  test('refuses a malformed file with the parser’s line and column, and leaves it untouched', async ({
    app,
    harness,
    cargoHome,
  }) => {
    await pointCargoAtSimulator(harness, cargoHome);
    const broken = '# half-edited by hand\n[registries.sim\ntoken = "x"\n';
    await writeFile(join(cargoHome, 'credentials.toml'), broken);
    const { token } = await heldToken(harness);
    await app.goto(harness.url);

    // Said above the list too: the file cargo reads is broken.
    await expect(
      app.getByText(/cargo's credentials file could not be read: .*line 2/),
    ).toBeVisible();
    const dialog = await openUseDialog(app, token.name);
    await expect(dialog.getByRole('alert')).toContainText(/not valid TOML \(line 2, column \d+/);
    await expect(
      dialog.getByRole('button', { name: 'Write to cargo', exact: true }),
    ).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await credentials(cargoHome)).toBe(broken);
  });

  test('row actions keep their places, and their hints show on keyboard focus', async ({
    app,
    harness,
  }) => {
    // A held token (eye and cargo places filled), scoped ones, and the legacy one (no Rotate).
    const { token } = await heldToken(harness);
    await app.goto(harness.url);
    const table = app.getByRole('table', { name: 'Tokens' });
    await expect(table.getByRole('button', { name: `Use ${token.name} with cargo` })).toBeVisible();

    const lefts = async (verb: string) => {
      const buttons = await table.getByRole('button', { name: new RegExp(`^${verb} `) }).all();
      return Promise.all(buttons.map(async (button) => (await button.boundingBox())?.x));
    };
    for (const verb of ['Revoke', 'Regenerate']) {
      const xs = await lefts(verb);
      expect(xs.length).toBeGreaterThan(3);
      expect(new Set(xs).size, `${verb} is in one place on every row`).toBe(1);
    }

    const use = table.getByRole('button', { name: `Use ${token.name} with cargo`, exact: true });
    await table.getByRole('button', { name: `Show secret of ${token.name}`, exact: true }).focus();
    await app.keyboard.press('Tab');
    await expect(use).toBeFocused();
    await expect(app.getByText("Use with cargo: write it into cargo's credentials")).toBeVisible();
  });

  test('after Create: Use with cargo writes the new token, and the CI help masks its secret until revealed', async ({
    app,
    harness,
    cargoHome,
  }) => {
    await pointCargoAtSimulator(harness, cargoHome);
    await app.goto(harness.url);
    await app.getByRole('main').getByRole('button', { name: 'New token' }).click();
    await app.getByRole('textbox', { name: 'Name', exact: true }).fill('CI: inkwell');
    await app.getByRole('checkbox', { name: /^publish-update — / }).check();
    await app.getByRole('button', { name: 'Add pattern' }).click();
    await app.getByRole('textbox', { name: 'Crate pattern 1', exact: true }).fill('inkwell');
    await app.getByRole('button', { name: 'Create token' }).click();
    await expect(app.getByRole('heading', { name: 'Token “CI: inkwell” created' })).toBeVisible();

    const { tokens } = await harness.core.handlers['tokens:list']({});
    const created = tokens.find((token) => token.name === 'CI: inkwell');
    if (!created) throw new Error('the new token is not listed');
    const { secret } = await harness.core.handlers['tokens:reveal']({ key: created.key });

    const shell = app.getByRole('group', { name: 'Shell command' });
    await expect(shell).toContainText('CARGO_REGISTRIES_SIM_TOKEN=••••');
    await expect(shell).not.toContainText(secret);
    await app.getByRole('button', { name: 'Reveal the secret in the command' }).click();
    await expect(shell).toContainText(
      `CARGO_REGISTRIES_SIM_TOKEN=${secret} cargo publish --registry sim`,
    );
    await app.getByRole('button', { name: 'Hide the secret in the command' }).click();
    await expect(shell).not.toContainText(secret);

    await app.getByRole('button', { name: 'Use with cargo', exact: true }).click();
    const dialog = app.getByRole('dialog', { name: 'Use “CI: inkwell” with cargo' });
    await dialog.getByRole('button', { name: 'Write to cargo', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByText('cargo uses this token for the registry “sim”.')).toBeVisible();
    const written = await credentials(cargoHome);
    expect(written.startsWith(HAND_WRITTEN)).toBe(true);
    expect(written).toContain(`[registries.sim]\ntoken = "${secret}"`);
  });

  test('says what overrides the file: a credential provider means cargo never reads it', async ({
    app,
    harness,
    cargoHome,
  }) => {
    await writeFile(
      join(cargoHome, 'config.toml'),
      `[registries.sim]\nindex = "sparse+${harness.simulator.url}/index/"\ncredential-provider = ["cargo:libsecret"]\n`,
    );
    const { token } = await heldToken(harness);
    await app.goto(harness.url);
    const dialog = await openUseDialog(app, token.name);
    const instead = dialog.getByRole('region', { name: 'What cargo uses instead' });
    await expect(instead).toContainText('cargo never reads this file for the registry “sim”');
    await expect(instead).toContainText('credential provider "cargo:libsecret"');
    await expectNoAxeViolations(app);
    // Still the user's choice: the write is offered, with the warning above it.
    await expect(dialog.getByRole('button', { name: 'Write to cargo', exact: true })).toBeEnabled();
  });
});
