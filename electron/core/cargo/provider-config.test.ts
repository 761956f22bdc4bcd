import { chmod, lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CargoProviderConfig } from './provider-config';

/** Connect cargo against a CARGO_HOME in a temp dir (never the real one). */
const COMMAND = { executable: '/opt/cratekeeper/provider', dataDir: '/data dir/Cratekeeper' };

let home: string;
let config: CargoProviderConfig;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'provider-config-'));
  config = new CargoProviderConfig({
    cargoHome: () => Promise.resolve(home),
    command: COMMAND,
    watchDebounceMs: 20,
  });
});

afterEach(async () => {
  config.dispose();
  await rm(home, { recursive: true, force: true });
});

const configToml = (): string => join(home, 'config.toml');

describe('CargoProviderConfig', () => {
  it('creates config.toml (0644: it holds no secrets) and removes it again on Disconnect', async () => {
    expect(await config.read()).toEqual({
      connected: false,
      configFile: configToml(),
      problem: null,
      shadowedBy: {},
    });
    const connected = await config.connect();
    expect(connected).toMatchObject({ connected: true, problem: null });
    expect((await stat(configToml())).mode & 0o777).toBe(0o644);
    expect(await readFile(configToml(), 'utf8')).toContain(
      'cratekeeper = ["/opt/cratekeeper/provider", "--data-dir", "/data dir/Cratekeeper"]',
    );
    expect(await config.connect()).toEqual(connected);

    expect(await config.disconnect()).toMatchObject({ connected: false, problem: null });
    await expect(stat(configToml())).rejects.toThrow(/ENOENT/);
  });

  it("keeps an existing file's mode and gives back its bytes on Disconnect", async () => {
    const original = '# mine\r\n[registries.sim]\r\nindex = "x"\r\n';
    await writeFile(configToml(), original);
    await chmod(configToml(), 0o600);
    await config.connect();
    expect((await stat(configToml())).mode & 0o777).toBe(0o600);
    await config.disconnect();
    expect(await readFile(configToml(), 'utf8')).toBe(original);
    expect((await stat(configToml())).mode & 0o777).toBe(0o600);
  });

  it('edits the legacy `config` when it exists, as cargo reads that one', async () => {
    await writeFile(join(home, 'config'), '[net]\nretry = 2\n');
    const state = await config.connect();
    expect(state).toMatchObject({ connected: true, configFile: join(home, 'config') });
    await expect(stat(configToml())).rejects.toThrow(/ENOENT/);
    await config.disconnect();
    expect(await readFile(join(home, 'config'), 'utf8')).toBe('[net]\nretry = 2\n');
  });

  it('follows a symlinked config.toml and replaces its target', async () => {
    const target = join(home, 'dotfiles-config.toml');
    await writeFile(target, '[net]\nretry = 2\n');
    await symlink(target, configToml());
    await config.connect();
    expect(await readFile(target, 'utf8')).toContain('global-credential-providers');
    expect((await lstat(configToml())).isSymbolicLink()).toBe(true);
    await config.disconnect();
    expect(await readFile(target, 'utf8')).toBe('[net]\nretry = 2\n');
  });

  it('never writes a malformed file: the problem names the line and column', async () => {
    const broken = '[registry]\nglobal-credential-providers = [\n';
    await writeFile(configToml(), broken);
    const state = await config.connect();
    expect(state.connected).toBe(false);
    expect(state.problem).toMatch(/config\.toml is not valid TOML \(line \d+, column \d+/);
    expect(await readFile(configToml(), 'utf8')).toBe(broken);
    expect((await config.read()).problem).toBe(state.problem);
  });

  it('leaves a global list it cannot edit exactly untouched, and says so', async () => {
    const text = '[registry]\nglobal-credential-providers = "cargo:token"\n';
    await writeFile(configToml(), text);
    const state = await config.connect();
    expect(state.problem).toMatch(/not a list of names.*left the file untouched/);
    expect(await readFile(configToml(), 'utf8')).toBe(text);
  });

  it("puts ours in place of a registry-specific provider, names the user's, and restores it", async () => {
    const original = '[registry]\ncredential-provider = "cargo:token"\n';
    await writeFile(configToml(), original);
    expect((await config.read()).shadowedBy).toEqual({ 'crates-io': 'cargo:token' });
    const connected = await config.connect();
    expect(connected).toMatchObject({
      connected: true,
      shadowedBy: { 'crates-io': 'cargo:token' },
    });
    expect(await readFile(configToml(), 'utf8')).toContain(
      '# replaced by Cratekeeper for crates-io (Disconnect cargo restores it): credential-provider = "cargo:token"\ncredential-provider = "cratekeeper"\n',
    );
    expect(await config.disconnect()).toMatchObject({
      connected: false,
      shadowedBy: { 'crates-io': 'cargo:token' },
    });
    expect(await readFile(configToml(), 'utf8')).toBe(original);
  });

  it('tells listeners when config.toml changes on disk', async () => {
    let changes = 0;
    const stop = config.onChange(() => {
      changes += 1;
    });
    await config.read();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(configToml(), '[net]\nretry = 3\n');
    await expect.poll(() => changes, { timeout: 3000 }).toBeGreaterThan(0);
    stop();
  });

  it('is not connected and names no file while CARGO_HOME is unknown', async () => {
    const unknown = new CargoProviderConfig({
      cargoHome: () => Promise.resolve(null),
      command: COMMAND,
    });
    expect(await unknown.connect()).toEqual({
      connected: false,
      configFile: null,
      problem: null,
      shadowedBy: {},
    });
  });
});
