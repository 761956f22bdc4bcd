import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CargoHomeLocator, loginShellCargoHome } from './cargo-home';

/** Where cargo looks: the chosen folder, CARGO_HOME, a login shell's CARGO_HOME, ~/.cargo. */
describe('CargoHomeLocator', () => {
  it('takes the folder chosen in Settings first', async () => {
    const locator = new CargoHomeLocator({ env: { CARGO_HOME: '/env' }, homeDir: '/home/kate' });
    expect(await locator.resolve('/chosen')).toEqual({ path: '/chosen', source: 'setting' });
  });

  it("then the app's CARGO_HOME, without asking a shell", async () => {
    let asked = 0;
    const locator = new CargoHomeLocator({
      env: { CARGO_HOME: '/env' },
      homeDir: '/home/kate',
      loginShellCargoHome: () => {
        asked += 1;
        return Promise.resolve('/shell');
      },
    });
    expect(await locator.resolve(null)).toEqual({ path: '/env', source: 'environment' });
    expect(asked).toBe(0);
  });

  it("then a login shell's CARGO_HOME (the macOS Dock case), asked once per run", async () => {
    let asked = 0;
    const locator = new CargoHomeLocator({
      env: {},
      homeDir: '/home/kate',
      loginShellCargoHome: () => {
        asked += 1;
        return Promise.resolve('/shell');
      },
    });
    expect(await locator.resolve(null)).toEqual({ path: '/shell', source: 'login-shell' });
    expect(await locator.resolve(null)).toEqual({ path: '/shell', source: 'login-shell' });
    expect(asked).toBe(1);
  });

  it('falls back to ~/.cargo when the shell has none or fails', async () => {
    const none = new CargoHomeLocator({
      env: {},
      homeDir: '/home/kate',
      loginShellCargoHome: () => Promise.resolve(null),
    });
    expect(await none.resolve(null)).toEqual({
      path: join('/home/kate', '.cargo'),
      source: 'default',
    });
    const failing = new CargoHomeLocator({
      env: {},
      homeDir: '/home/kate',
      loginShellCargoHome: () => Promise.reject(new Error('timed out')),
    });
    expect((await failing.resolve(null)).source).toBe('default');
  });
});

describe.skipIf(process.platform === 'win32')('loginShellCargoHome', () => {
  it("reads CARGO_HOME from the login shell's profile, ignoring what the profile prints", async () => {
    const home = await mkdtemp(join(tmpdir(), 'ck-shell-home-'));
    try {
      await writeFile(
        join(home, '.profile'),
        'echo "Welcome back"\nexport CARGO_HOME="$HOME/rust/cargo"\n',
      );
      const env = { HOME: home, SHELL: '/bin/sh', PATH: process.env.PATH };
      expect(await loginShellCargoHome(env, 'linux')()).toBe(join(home, 'rust/cargo'));
      await writeFile(join(home, '.profile'), 'echo "no cargo here"\n');
      expect(await loginShellCargoHome(env, 'linux')()).toBeNull();
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('does not ask a shell on Windows', async () => {
    expect(await loginShellCargoHome({ SHELL: '/bin/false' }, 'win32')()).toBeNull();
  });
});
