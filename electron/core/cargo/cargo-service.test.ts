import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CargoStatus, CargoWritePlan } from '../../../shared/domain/cargo-use';
import type { TokenView } from '../../../shared/domain/token';
import type { CallInput, CallName } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { createCore } from '../core';
import { dispatchCall } from '../dispatch';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { MemoryClipboard } from '../test-support/memory-clipboard';
import { memoryKeychain } from '../test-support/memory-keychain';

/**
 * The cargo hand-off through the core's calls, as the renderer uses them, on
 * a temporary CARGO_HOME: where it writes, with which permissions, what
 * overrides it, the legacy file, malformed files, import, alerts and the
 * watcher. Tokens are imported (no registry needed); none of the answers may
 * hold a secret.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const SIM_TOKEN = 'sim-secret-0123456789abcdef';
const OTHER_TOKEN = 'other-secret-not-held-by-the-app';
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

interface SetUpOptions {
  readonly env?: Record<string, string>;
  readonly files?: Record<string, string>;
}

async function setUp(options: SetUpOptions = {}) {
  const cargoHome = await tempDir('ck-cargo-');
  for (const [name, text] of Object.entries(options.files ?? {})) {
    await writeFile(join(cargoHome, name), text);
  }
  let now = new Date('2026-06-01T00:00:00Z');
  const emitted: [string, unknown][] = [];
  const core = await createCore({
    fetch: () => Promise.reject(new Error('no network in this test')),
    clock: { now: () => now },
    signInWindow: { signIn: () => Promise.reject(new Error('no sign-in here')) },
    events: { emit: (name, payload) => emitted.push([name, payload]) },
    dataDir: await tempDir('ck-cargo-data-'),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    cargo: { env: { CARGO_HOME: cargoHome, ...options.env }, homeDir: cargoHome },
  });
  const answers: string[] = [];
  async function attempt<K extends CallName>(
    name: K,
    input: CallInput<K>,
  ): Promise<Result<unknown>> {
    const answer = await dispatchCall(core.handlers, name, input, { error: () => undefined });
    answers.push(JSON.stringify(answer));
    return answer;
  }
  async function call<T>(name: CallName, input: unknown): Promise<T> {
    const answer = await attempt(name, input as CallInput<typeof name>);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.value as T;
  }
  async function importToken(registryName: string, token: string, expiresAt: string | null = null) {
    return call<TokenView>('tokens:import', {
      registryName,
      name: `${registryName} token`,
      token,
      expiresAt,
    });
  }
  const credentials = join(cargoHome, 'credentials.toml');
  return {
    core,
    cargoHome,
    credentials,
    emitted,
    answers,
    attempt,
    call,
    importToken,
    setNow: (date: Date) => {
      now = date;
    },
  };
}

describe('cargo:write and cargo:remove', () => {
  it('creates a missing file with 0600 and the token at [registries.NAME], no copies left beside it', async () => {
    const { call, importToken, credentials, cargoHome, answers } = await setUp();
    const token = await importToken('sim', SIM_TOKEN);
    const plan = await call<CargoWritePlan>('cargo:plan', { key: token.key });
    expect(plan).toMatchObject({
      registry: 'sim',
      file: credentials,
      fileExists: false,
      fileIsRead: true,
      overrides: [],
    });
    expect(plan.change).toEqual([
      { kind: 'added', text: '[registries.sim]' },
      { kind: 'added', text: 'token = "sim••••••••"' },
    ]);
    const status = await call<CargoStatus>('cargo:write', { key: token.key });
    expect(status.registries).toEqual([
      { registry: 'sim', tokenKey: token.key, present: true, accountId: null, alert: null },
    ]);
    expect(await readFile(credentials, 'utf8')).toBe(`[registries.sim]\ntoken = "${SIM_TOKEN}"\n`);
    expect((await stat(credentials)).mode & 0o777).toBe(0o600);
    expect(await readdir(cargoHome)).toEqual(['credentials.toml']);
    for (const answer of answers) expect(answer).not.toContain(SIM_TOKEN);
  });

  it.each([
    [0o644, 0o600],
    [0o640, 0o600],
    [0o604, 0o600],
    [0o600, 0o600],
    [0o400, 0o400],
  ])('an existing file of mode %o is left with %o', async (before, after) => {
    const { call, importToken, credentials } = await setUp({
      files: { 'credentials.toml': '# mine\n' },
    });
    await chmod(credentials, before);
    const token = await importToken('sim', SIM_TOKEN);
    // Even read-only for its owner: the atomic replace needs only the folder to be writable.
    await call('cargo:write', { key: token.key });
    expect((await stat(credentials)).mode & 0o777).toBe(after);
    expect(await readFile(credentials, 'utf8')).toBe(
      `# mine\n\n[registries.sim]\ntoken = "${SIM_TOKEN}"\n`,
    );
  });

  it('replaces the file atomically (a new inode), following a symlink to its target', async () => {
    const target = join(await tempDir('ck-dotfiles-'), 'credentials.toml');
    await writeFile(target, '[registries.sim]\ntoken = "old"\n');
    const { call, importToken, credentials } = await setUp();
    const { symlink, lstat } = await import('node:fs/promises');
    await symlink(target, credentials);
    const before = await stat(target);
    const token = await importToken('sim', SIM_TOKEN);
    await call('cargo:write', { key: token.key });
    expect((await lstat(credentials)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(`[registries.sim]\ntoken = "${SIM_TOKEN}"\n`);
    expect((await stat(target)).ino).not.toBe(before.ino);
  });

  it('refuses a malformed file with the line and column and leaves it byte for byte', async () => {
    const broken = '[registry]\r\ntoken = "a"\r\ntoken = "b"\r\n';
    const { attempt, importToken, credentials, call } = await setUp({
      files: { 'credentials.toml': broken },
    });
    const token = await importToken('sim', SIM_TOKEN);
    for (const [name, input] of [
      ['cargo:write', { key: token.key }],
      ['cargo:plan', { key: token.key }],
      ['cargo:remove', { registry: 'crates-io' }],
    ] as const) {
      const answer = await attempt(name, input as CallInput<typeof name>);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(answer.ok ? '' : answer.error.message).toMatch(/line 3, column \d+/);
    }
    expect(await readFile(credentials, 'utf8')).toBe(broken);
    const status = await call<CargoStatus>('cargo:status', {});
    expect(status.problem).toMatch(/credentials\.toml is not valid TOML \(line 3, column \d+/);
  });

  it('leaves every malformed file of the corpus byte for byte, for write and remove', async () => {
    const corpus = join(import.meta.dirname, 'corpus', 'malformed');
    const { call, importToken, attempt, credentials } = await setUp();
    const token = await importToken('sim', SIM_TOKEN);
    await call('cargo:status', {});
    for (const name of await readdir(corpus)) {
      const bytes = await readFile(join(corpus, name));
      await writeFile(credentials, bytes);
      const written = await attempt('cargo:write', { key: token.key });
      const removed = await attempt('cargo:remove', { registry: 'sim' });
      expect([written.ok, removed.ok], name).toEqual([false, false]);
      expect((await readFile(credentials)).equals(bytes), name).toBe(true);
    }
  });

  it('removes only the registry key, every other byte kept', async () => {
    const text =
      '# keep\r\n[registries.sim]  # sim\r\ntoken = "x"   # old\r\nindex = "y"\r\n[registry]\r\ntoken = "z"';
    const { call, credentials } = await setUp({ files: { 'credentials.toml': text } });
    const status = await call<CargoStatus>('cargo:remove', { registry: 'sim' });
    expect(status.registries.map((use) => use.registry)).toEqual(['crates-io']);
    expect(await readFile(credentials, 'utf8')).toBe(
      '# keep\r\n[registries.sim]  # sim\r\nindex = "y"\r\n[registry]\r\ntoken = "z"',
    );
  });
});

describe('the legacy credentials file', () => {
  it('is the one read and written when it exists, even beside credentials.toml', async () => {
    const { call, importToken, cargoHome } = await setUp({
      files: {
        credentials: `[registries.sim]\ntoken = "${OTHER_TOKEN}"\n`,
        'credentials.toml': '# cargo ignores me while `credentials` exists\n',
      },
    });
    const before = await call<CargoStatus>('cargo:status', {});
    expect(before.credentialsFile).toBe(join(cargoHome, 'credentials'));
    expect(before.registries).toMatchObject([{ registry: 'sim', tokenKey: null, present: true }]);
    const token = await importToken('sim', SIM_TOKEN);
    const plan = await call<CargoWritePlan>('cargo:plan', { key: token.key });
    expect(plan.file).toBe(join(cargoHome, 'credentials'));
    expect(plan.change).toEqual([
      { kind: 'context', text: '[registries.sim]' },
      { kind: 'removed', text: 'token = "oth••••••••"' },
      { kind: 'added', text: 'token = "sim••••••••"' },
    ]);
    await call('cargo:write', { key: token.key });
    expect(await readFile(join(cargoHome, 'credentials'), 'utf8')).toBe(
      `[registries.sim]\ntoken = "${SIM_TOKEN}"\n`,
    );
    expect(await readFile(join(cargoHome, 'credentials.toml'), 'utf8')).toBe(
      '# cargo ignores me while `credentials` exists\n',
    );
  });
});

describe('overrides shown in the plan', () => {
  async function planFor(registry: string, options: SetUpOptions) {
    const { call, importToken } = await setUp(options);
    const token = await importToken(
      registry,
      registry === 'crates-io' ? 'cio' + 'A'.repeat(32) : SIM_TOKEN,
    );
    return call<CargoWritePlan>('cargo:plan', { key: token.key });
  }

  it('names CARGO_REGISTRIES_<NAME>_TOKEN and CARGO_REGISTRY_TOKEN from the environment', async () => {
    const sim = await planFor('my-sim', { env: { CARGO_REGISTRIES_MY_SIM_TOKEN: 'x' } });
    expect(sim.overrides).toEqual([
      {
        kind: 'environment',
        message: expect.stringContaining('CARGO_REGISTRIES_MY_SIM_TOKEN is set') as unknown,
      },
    ]);
    expect(sim.fileIsRead).toBe(true);
    const cratesIo = await planFor('crates-io', { env: { CARGO_REGISTRY_TOKEN: 'x' } });
    expect(cratesIo.overrides.map((override) => override.message)).toEqual([
      expect.stringContaining('CARGO_REGISTRY_TOKEN is set'),
    ]);
    expect((await planFor('sim', { env: { CARGO_REGISTRY_TOKEN: 'x' } })).overrides).toEqual([]);
  });

  it('says cargo never reads the file when the registry has a credential provider', async () => {
    const plan = await planFor('sim', {
      files: {
        'config.toml':
          '[registries.sim]\nindex = "sparse+http://127.0.0.1:1/index/"\ncredential-provider = ["/usr/local/bin/cratekeeper-provider"]\n',
      },
    });
    expect(plan.fileIsRead).toBe(false);
    expect(plan.overrides).toEqual([
      {
        kind: 'credential-provider',
        message: expect.stringContaining('never reads the credentials file') as unknown,
      },
    ]);
  });

  it('reads registry.global-credential-providers: without cargo:token the file is never read', async () => {
    const without = await planFor('sim', {
      files: { 'config.toml': '[registry]\nglobal-credential-providers = ["cargo:libsecret"]\n' },
    });
    expect(without.fileIsRead).toBe(false);
    const after = await planFor('sim', {
      files: {
        'config.toml':
          '[registry]\nglobal-credential-providers = ["cargo:token", "cargo:libsecret"]\n',
      },
    });
    expect(after.fileIsRead).toBe(true);
    expect(after.overrides[0]?.message).toContain('"cargo:libsecret" before the credentials file');
    const plain = await planFor('sim', {
      files: {
        'config.toml':
          '[registry]\nglobal-credential-providers = ["cargo:libsecret", "cargo:token"]\n',
      },
    });
    expect(plain).toMatchObject({ fileIsRead: true, overrides: [] });
  });

  it('mentions a token in config.toml without claiming it hides the file', async () => {
    const plan = await planFor('sim', {
      files: { 'config.toml': 'registries.sim.token = "in-config"\n' },
    });
    expect(plan).toMatchObject({ fileIsRead: true, overrides: [{ kind: 'config-token' }] });
  });
});

describe('cargo:status, import and alerts', () => {
  it('marks the held token, offers import for an unknown one, and imports it', async () => {
    const { call, importToken, answers } = await setUp({
      files: {
        'credentials.toml': `[registries.sim]\ntoken = "${SIM_TOKEN}"\n[registries.other]\ntoken = "${OTHER_TOKEN}"\n`,
      },
    });
    const held = await importToken('sim', SIM_TOKEN);
    const status = await call<CargoStatus>('cargo:status', {});
    expect(status.registries).toEqual([
      { registry: 'sim', tokenKey: held.key, present: true, accountId: null, alert: null },
      { registry: 'other', tokenKey: null, present: true, accountId: null, alert: null },
    ]);
    const imported = await call<TokenView>('cargo:import', { registry: 'other' });
    expect(imported).toMatchObject({ registryName: 'other', source: 'imported', secretHeld: true });
    expect(await call<{ secret: string }>('tokens:reveal', { key: imported.key })).toEqual({
      secret: OTHER_TOKEN,
    });
    const after = await call<CargoStatus>('cargo:status', {});
    expect(after.registries[1]).toMatchObject({ registry: 'other', tokenKey: imported.key });
    for (const answer of answers.filter((text) => !text.includes('"secret"'))) {
      expect(answer).not.toContain(OTHER_TOKEN);
      expect(answer).not.toContain(SIM_TOKEN);
    }
  });

  it('alerts when the token cargo uses has expired', async () => {
    const { call, importToken, setNow } = await setUp({
      files: { 'credentials.toml': `[registries.sim]\ntoken = "${SIM_TOKEN}"\n` },
    });
    const held = await importToken(
      'sim',
      SIM_TOKEN,
      new Date(Date.parse('2026-06-01T00:00:00Z') + DAY_MS).toISOString(),
    );
    expect((await call<CargoStatus>('cargo:status', {})).registries[0]?.alert).toBeNull();
    setNow(new Date(Date.parse('2026-06-01T00:00:00Z') + 2 * DAY_MS));
    const status = await call<CargoStatus>('cargo:status', {});
    expect(status.registries[0]).toMatchObject({ tokenKey: held.key });
    expect(status.registries[0]?.alert).toBe(
      'cargo uses "sim token" for sim, which expired on 2026-06-02: cargo\'s publishes will fail. Write a current token with "Use with cargo".',
    );
  });
});

describe('the watcher', () => {
  it('emits cargo:changed with the new status when the file changes on disk', async () => {
    const { call, credentials, emitted } = await setUp();
    await call('cargo:status', {});
    await writeFile(credentials, `[registries.sim]\ntoken = "${OTHER_TOKEN}"\n`);
    const deadline = Date.now() + 5000;
    while (!emitted.some(([name]) => name === 'cargo:changed') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [, payload] = emitted.find(([name]) => name === 'cargo:changed') ?? [];
    expect(payload).toMatchObject({
      registries: [{ registry: 'sim', present: true, tokenKey: null }],
    });
    expect(JSON.stringify(payload)).not.toContain(OTHER_TOKEN);
  });
});

describe('the CARGO_HOME setting', () => {
  it('moves the hand-off to the chosen folder and announces it', async () => {
    const chosen = await tempDir('ck-chosen-');
    await writeFile(
      join(chosen, 'credentials.toml'),
      `[registries.chosen]\ntoken = "${OTHER_TOKEN}"\n`,
    );
    const { call, emitted } = await setUp();
    expect((await call<CargoStatus>('cargo:status', {})).registries).toEqual([]);
    const view = await call<{ cargoHomeInUse: string | null }>('settings:update', {
      patch: { cargoHome: chosen },
    });
    expect(view.cargoHomeInUse).toBe(chosen);
    const status = await call<CargoStatus>('cargo:status', {});
    expect(status).toMatchObject({ cargoHome: chosen, registries: [{ registry: 'chosen' }] });
    const deadline = Date.now() + 5000;
    while (!emitted.some(([name]) => name === 'cargo:changed') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(emitted.find(([name]) => name === 'cargo:changed')?.[1]).toMatchObject({
      cargoHome: chosen,
    });
  });
});
