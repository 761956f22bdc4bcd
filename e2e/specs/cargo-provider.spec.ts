import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type {
  ApprovalRequest,
  ProviderAuditEntry,
  ProviderStatus,
} from '../../shared/domain/cargo-provider';
import { expect, expectNoAxeViolations, test as base } from '../fixtures';
import type { RunningHarness } from '../harness/harness';
import { cargoMissingReason, makeCrate, runCargo } from '../simulator/test-support/cargo';
import { FakeProviderCore } from './cargo-provider-fake';
import { openSection } from './watch-helpers';

/**
 * "cargo asks Cratekeeper" in the window: the Settings section, the policy
 * controls, the audit and the approval dialog. The provider's calls are
 * answered by a stand-in (cargo-provider-fake.ts) that records them; the rest
 * of the app is the harness's real core. Events are pushed through the
 * harness's event hub, as the core would push them.
 */

const CONFIG_FILE = '/home/ferris/.cargo/config.toml';

function statusOf(part: Partial<ProviderStatus> = {}): ProviderStatus {
  return {
    connected: false,
    configFile: CONFIG_FILE,
    executable: '/opt/cratekeeper/bin/cratekeeper-credential-provider',
    listening: true,
    problem: null,
    registries: [
      {
        registryName: 'crates-io',
        accountIds: ['a#1'],
        policy: { whenNoToken: 'refuse', askBeforePublish: false },
        shadowedBy: null,
        plaintextInCredentials: true,
      },
    ],
    ...part,
  };
}

function auditEntry(id: string, part: Partial<ProviderAuditEntry> = {}): ProviderAuditEntry {
  return {
    id,
    at: new Date(Date.now() - 5 * 60_000).toISOString(),
    registry: 'crates-io',
    operation: 'publish',
    crate: 'quill',
    version: '1.2.0',
    tokenKey: 'a#1/7',
    tokenName: 'release quill',
    outcome: 'allowed',
    reason: 'The only token that may publish-update quill.',
    ...part,
  };
}

function approval(id: string, secondsLeft: number): ApprovalRequest {
  return {
    id,
    registryName: 'crates-io',
    operation: 'publish',
    crate: 'quill',
    version: '1.2.0',
    tokenName: 'release quill',
    deadline: new Date(Date.now() + secondsLeft * 1000).toISOString(),
  };
}

const test = base.extend<{ provider: FakeProviderCore }>({
  // The stand-in must answer the page's first calls: the page opens after it is in place.
  openAppAtOnce: false,
  // Automatic: every test's page talks to the stand-in, whether the test reads its record or not.
  provider: [
    async ({ app }, use) => {
      const provider = new FakeProviderCore(statusOf());
      await provider.install(app);
      await use(provider);
    },
    { auto: true },
  ],
});

async function openApp(app: Page, harness: RunningHarness): Promise<void> {
  await app.goto(harness.url);
  // Not by role: a dialog open at start hides the page from the accessibility tree.
  await expect(app.locator('main h1')).toBeVisible();
}

async function openProviderSection(app: Page, harness: RunningHarness) {
  await openApp(app, harness);
  await openSection(app, 'Settings');
  const section = app.getByRole('region', { name: 'cargo asks Cratekeeper' });
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('cargo asks Cratekeeper');
  return section;
}

/**
 * Pushes an event until `shown` holds: the page's event stream connects a
 * moment after it loads, and an event sent before then is not heard.
 */
async function pushUntil(
  harness: RunningHarness,
  name: string,
  payload: unknown,
  shown: () => Promise<void>,
): Promise<void> {
  await expect(async () => {
    harness.events.emit(name, payload);
    await shown();
  }).toPass({ timeout: 10_000, intervals: [250] });
}

test.describe('cargo asks Cratekeeper', () => {
  test('Settings shows the connection; Connect, removing a plaintext token and Disconnect call through', async ({
    app,
    harness,
    provider,
  }) => {
    const section = await openProviderSection(app, harness);
    await expect(
      section.getByText(/no plaintext token needs to sit in credentials\.toml/),
    ).toBeVisible();
    await expect(section.getByRole('status')).toHaveText('Not connected');
    await expect(section.getByText(CONFIG_FILE)).toBeVisible();
    await expect(section.getByText('Cratekeeper answers cargo now.')).toBeVisible();

    await section.getByRole('button', { name: 'Connect cargo', exact: true }).click();
    await expect(section.getByRole('status')).toHaveText('Connected');
    expect(provider.callsNamed('provider:connect')).toEqual([{}]);

    // The plaintext token the provider replaces is offered for removal, with a confirmation.
    await section.getByRole('button', { name: 'Remove the plaintext token for crates-io' }).click();
    const confirm = app.getByRole('dialog', { name: 'Remove the plaintext token for crates-io?' });
    await confirm.getByRole('button', { name: 'Remove from credentials.toml' }).click();
    await expect(confirm).toBeHidden();
    expect(provider.callsNamed('cargo:remove')).toEqual([{ registry: 'crates-io' }]);
    await expect(
      section.getByRole('button', { name: 'Remove the plaintext token for crates-io' }),
    ).toBeHidden();

    await section.getByRole('button', { name: 'Disconnect cargo', exact: true }).click();
    const disconnect = app.getByRole('dialog', { name: 'Disconnect cargo?' });
    await expect(disconnect).toContainText(
      `Cratekeeper removes from ${CONFIG_FILE} exactly what Connect cargo added`,
    );
    await disconnect.getByRole('button', { name: 'Disconnect cargo' }).click();
    await expect(disconnect).toBeHidden();
    await expect(section.getByRole('status')).toHaveText('Not connected');
    expect(provider.callsNamed('provider:disconnect')).toEqual([{}]);
  });

  test('a config.toml that does not parse and an app that does not answer are said plainly', async ({
    app,
    harness,
    provider,
  }) => {
    provider.status = statusOf({
      listening: false,
      problem: 'expected `=`, found newline at line 3 column 8',
    });
    const section = await openProviderSection(app, harness);
    await expect(section.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText(
      'expected `=`, found newline at line 3 column 8',
    );
    await expect(section.getByText(/Cratekeeper is not answering cargo right now/)).toBeVisible();
    await expect(section.getByRole('button', { name: 'Connect cargo' })).toBeDisabled();
  });

  test('the policy controls name their registry and call provider:set-policy', async ({
    app,
    harness,
    provider,
  }) => {
    const section = await openProviderSection(app, harness);
    const ask = section.getByRole('switch', { name: 'Ask me before each publish to crates-io' });
    await expect(ask).not.toBeChecked();
    await ask.check();
    await expect(ask).toBeChecked();

    const whenNoToken = section.getByRole('radiogroup', {
      name: 'When no token fits a request to crates-io',
    });
    await expect(
      whenNoToken.getByRole('radio', { name: 'Refuse, and offer to create one' }),
    ).toBeChecked();
    await whenNoToken.getByRole('radio', { name: 'Let cargo try its other providers' }).check();
    await expect(
      whenNoToken.getByRole('radio', { name: 'Let cargo try its other providers' }),
    ).toBeChecked();

    expect(provider.callsNamed('provider:set-policy')).toEqual([
      { registryName: 'crates-io', policy: { askBeforePublish: true } },
      { registryName: 'crates-io', policy: { whenNoToken: 'fall-through' } },
    ]);
  });

  test('the audit lists requests newest first, in words, and grows as cargo asks', async ({
    app,
    harness,
    provider,
  }) => {
    provider.audit = [
      auditEntry('2', {
        operation: 'yank',
        tokenKey: null,
        tokenName: null,
        outcome: 'refused',
        reason: 'Cratekeeper has no token that may yank quill on crates.io.',
      }),
      auditEntry('1', { at: new Date(Date.now() - 3 * 3_600_000).toISOString() }),
    ];
    const section = await openProviderSection(app, harness);
    const table = section.getByRole('region', { name: 'Requests from cargo' }).getByRole('table');
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('yank');
    await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('refused');
    await expect(rows.nth(2)).toContainText('quill@1.2.0');
    await expect(rows.nth(2)).toContainText('release quill');
    await expect(rows.nth(2).getByRole('cell').first()).toContainText('3 hours ago');

    await pushUntil(
      harness,
      'provider:answered',
      auditEntry('3', { at: new Date().toISOString(), crate: 'quill_json', outcome: 'timed-out' }),
      async () => {
        await expect(rows).toHaveCount(4, { timeout: 500 });
      },
    );
    await expect(rows.nth(1)).toContainText('quill_json@1.2.0');
    await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('timed out');
    await expect(rows.nth(1).getByRole('cell').first()).toContainText('just now');
  });

  test('with no request yet, the audit says what it will show', async ({ app, harness }) => {
    const section = await openProviderSection(app, harness);
    await expect(section.getByText(/^No requests yet\./)).toBeVisible();
  });

  test('the approval dialog asks on any page and Allow answers provider:approve', async ({
    app,
    harness,
    provider,
  }) => {
    await openApp(app, harness);
    const request = approval('req-1', 60);
    const dialog = app.getByRole('dialog', {
      name: 'cargo wants to publish quill 1.2.0 to crates-io',
    });
    await pushUntil(harness, 'provider:approval-requested', request, async () => {
      await expect(dialog).toBeVisible({ timeout: 500 });
    });
    await expect(dialog).toContainText('“release quill”');
    await expect(dialog).toContainText(/cargo is refused in \d+ s unless you answer\./);
    await expect(dialog.getByRole('button', { name: 'Deny' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Allow' }).click();
    await expect(dialog).toBeHidden();
    expect(provider.callsNamed('provider:approve')).toEqual([{ id: 'req-1', allow: true }]);
  });

  test('a request waiting before the window opened is asked about; Deny answers it', async ({
    app,
    harness,
    provider,
  }) => {
    provider.pending = [approval('req-2', 60)];
    await openApp(app, harness);
    const dialog = app.getByRole('dialog', {
      name: 'cargo wants to publish quill 1.2.0 to crates-io',
    });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Deny' }).click();
    await expect(dialog).toBeHidden();
    expect(provider.callsNamed('provider:approve')).toEqual([{ id: 'req-2', allow: false }]);
    await expect(app.getByText('Denied: cargo was refused.')).toBeVisible();
  });

  test('an unanswered request closes when its deadline passes', async ({
    app,
    harness,
    provider,
  }) => {
    await openApp(app, harness);
    // The deadline starts once the page is up: a slow start must not use it up first.
    const request = approval('req-3', 10);
    provider.pending = [request];
    const dialog = app.getByRole('dialog', {
      name: 'cargo wants to publish quill 1.2.0 to crates-io',
    });
    await pushUntil(harness, 'provider:approval-requested', request, async () => {
      await expect(dialog).toBeVisible({ timeout: 500 });
    });
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect(app.getByText('Timed out: cargo was refused.')).toBeVisible();
    expect(provider.callsNamed('provider:approve')).toEqual([]);
  });

  test('navigation to the builder opens New token filled in', async ({ app, harness }) => {
    await openApp(app, harness);
    const accountId = harness.account?.id ?? '';
    const name = app.getByRole('textbox', { name: 'Name', exact: true });
    await pushUntil(
      harness,
      'app:navigate',
      {
        to: 'builder',
        builder: {
          accountId,
          name: 'cargo: publish-update quill',
          endpointScopes: ['publish-update'],
          cratePatterns: ['quill'],
        },
      },
      // Pushed again only until the app has followed it: the page's own code may take
      // longer than that to load on a busy machine, and is waited for below.
      async () => {
        await expect(
          app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New token' }),
        ).toHaveAttribute('aria-current', 'page', { timeout: 1_000 });
      },
    );
    await expect(app.getByRole('heading', { level: 1, name: 'New token' })).toBeVisible();
    await expect(app.getByText(/^Filled in for what cargo asked/)).toBeVisible();
    await expect(name).toHaveValue('cargo: publish-update quill');
    await expect(app.getByRole('checkbox', { name: /^publish-update — / })).toBeChecked();
    await expect(app.getByRole('checkbox', { name: /^publish-new — / })).not.toBeChecked();
    await expect(app.getByRole('textbox', { name: 'Crate pattern 1', exact: true })).toHaveValue(
      'quill',
    );
  });

  // An axe scan takes tens of seconds on a loaded machine: one per test, in a test of its own.
  test('the section has no accessibility violations, connected, with an offer and an audit', async ({
    app,
    harness,
    provider,
  }) => {
    provider.status = statusOf({ connected: true });
    provider.audit = [auditEntry('1'), auditEntry('2', { outcome: 'denied', tokenName: null })];
    const section = await openProviderSection(app, harness);
    await expect(section.getByRole('table')).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(app);
  });

  test('the approval dialog has no accessibility violations', async ({
    app,
    harness,
    provider,
  }) => {
    provider.pending = [approval('req-4', 60)];
    await openApp(app, harness);
    await expect(app.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(app);
  });
});

/**
 * The same window against the harness's real core (the provider's handlers,
 * Connect cargo's config.toml writer and the provider's socket), with a
 * throw-away CARGO_HOME; a request comes from the development launcher run
 * as cargo runs it.
 */
const realTest = base.extend<{ cargoHome: string }>({
  // eslint-disable-next-line no-empty-pattern
  cargoHome: async ({}, use) => {
    const home = await mkdtemp(join(tmpdir(), 'cratekeeper-spec-provider-'));
    await use(home);
    await rm(home, { recursive: true, force: true });
  },
  harnessOptions: async ({ cargoHome }, use) => {
    await use({ cargoHome });
  },
  // cargo's config names the simulator first; then the page opens.
  openAppAtOnce: false,
});

const LAUNCHER = resolve('bin', 'cratekeeper-credential-provider');

/** cargo's config as a user wrote it: the simulator under the name cargo knows it by. */
async function writeCargoConfig(cargoHome: string, harness: RunningHarness): Promise<string> {
  const text = `# my cargo config\n[registries.my-sim]\nindex = "${harness.simulator.indexUrl}"\n`;
  await writeFile(join(cargoHome, 'config.toml'), text);
  return text;
}

/** Runs the launcher as cargo does: hello, one request line, the answer, exit. */
function askAsCargo(request: object): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(LAUNCHER, ['--cargo-plugin'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!sent && stdout.includes('\n')) {
        sent = true;
        child.stdin.write(`${JSON.stringify(request)}\n`);
      }
      if (stdout.split('\n').length > 2) child.stdin.end();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      done({ code, stdout });
    });
  });
}

realTest.describe('cargo asks Cratekeeper, with the real core', () => {
  realTest(
    'connected through Settings, real cargo publishes with the publish-new token Cratekeeper picks',
    async ({ app, harness, cargoHome }) => {
      realTest.skip(cargoMissingReason() !== null, cargoMissingReason() ?? '');
      realTest.setTimeout(120_000);
      await writeCargoConfig(cargoHome, harness);
      const accountId = harness.account?.id;
      if (accountId === undefined) throw new Error('the harness signed nobody in');
      // Two tokens could publish it; the narrower (an exact pattern) must be the one cargo gets.
      const created = await Promise.all(
        [
          { name: 'publish new spec crates', cratePatterns: ['ck-spec-*'] },
          { name: 'publish new ck-spec-fresh', cratePatterns: ['ck-spec-fresh'] },
        ].map((token) =>
          harness.core.handlers['tokens:create']({
            accountId,
            endpointScopes: ['publish-new'],
            expiresAt: null,
            ...token,
          }),
        ),
      );
      const section = await openProviderSection(app, harness);
      await section.getByRole('button', { name: 'Connect cargo', exact: true }).click();
      await expect(section.getByRole('status')).toHaveText('Connected');

      const crate = await makeCrate('ck-spec-fresh');
      const run = await runCargo(
        ['publish', '--registry', 'my-sim', '--no-verify', '--allow-dirty'],
        crate,
        cargoHome,
      );
      expect(run.stderr).toContain('Published ck-spec-fresh');
      expect(run.code).toBe(0);
      const publishes = harness.simulator.state.requestLog.entries.filter(
        (entry) => entry.endpoint === '/api/v1/crates/new',
      );
      expect(publishes.at(-1)?.tokenId).toBe(created[1]?.token.tokenId);
      const rows = section.getByRole('region', { name: 'Requests from cargo' }).getByRole('row');
      await expect(rows.nth(1)).toContainText('publish ck-spec-fresh@0.1.0');
      await expect(rows.nth(1)).toContainText('publish new ck-spec-fresh');
      await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('allowed');
    },
  );

  realTest(
    'Connect cargo writes cargo’s config.toml; Disconnect cargo takes out exactly that',
    async ({ app, harness, cargoHome }) => {
      const original = await writeCargoConfig(cargoHome, harness);
      const section = await openProviderSection(app, harness);
      await expect(section.getByRole('status')).toHaveText('Not connected');
      await expect(section.getByText(join(cargoHome, 'config.toml'))).toBeVisible();

      await section.getByRole('button', { name: 'Connect cargo', exact: true }).click();
      await expect(section.getByRole('status')).toHaveText('Connected');
      const connected = await readFile(join(cargoHome, 'config.toml'), 'utf8');
      expect(connected).toContain(original.trim());
      expect(connected).toMatch(/global-credential-providers/);
      expect(connected).toContain('cratekeeper-credential-provider');

      await section.getByRole('button', { name: 'Disconnect cargo', exact: true }).click();
      await app
        .getByRole('dialog', { name: 'Disconnect cargo?' })
        .getByRole('button', { name: 'Disconnect cargo' })
        .click();
      await expect(section.getByRole('status')).toHaveText('Not connected');
      expect(await readFile(join(cargoHome, 'config.toml'), 'utf8')).toBe(original);
    },
  );

  realTest(
    'Ask me before each publish: cargo’s request waits for Allow, gets the token and is listed',
    async ({ app, harness, cargoHome }) => {
      realTest.setTimeout(90_000);
      await writeCargoConfig(cargoHome, harness);
      const accountId = harness.account?.id;
      if (accountId === undefined) throw new Error('the harness signed nobody in');
      await harness.core.handlers['tokens:create']({
        accountId,
        name: 'yank quill',
        endpointScopes: ['yank'],
        cratePatterns: ['quill'],
        expiresAt: null,
      });
      const section = await openProviderSection(app, harness);
      const ask = section.getByRole('switch', { name: 'Ask me before each publish to my-sim' });
      await ask.check();
      await expect
        .poll(async () => {
          const status = await harness.core.handlers['provider:status']({});
          return status.registries.find((entry) => entry.registryName === 'my-sim')?.policy;
        })
        .toMatchObject({ askBeforePublish: true });

      const answer = askAsCargo({
        v: 1,
        registry: { 'index-url': harness.simulator.indexUrl, name: 'my-sim' },
        kind: 'get',
        operation: 'yank',
        name: 'quill',
        vers: '1.0.0',
        args: ['--data-dir', harness.dataDir],
      });
      const dialog = app.getByRole('dialog', { name: 'cargo wants to yank quill 1.0.0 on my-sim' });
      await expect(dialog).toBeVisible({ timeout: 30_000 });
      await expect(dialog).toContainText('“yank quill”');
      await dialog.getByRole('button', { name: 'Allow' }).click();
      await expect(dialog).toBeHidden();

      const { code, stdout } = await answer;
      expect(code).toBe(0);
      expect(stdout.split('\n')[1]).toMatch(/^\{"Ok":\{"kind":"get","token":"/);
      const rows = section.getByRole('region', { name: 'Requests from cargo' }).getByRole('row');
      await expect(rows.nth(1)).toContainText('yank quill@1.0.0');
      await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('allowed');
    },
  );
});
