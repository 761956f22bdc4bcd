import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devLauncherPath, packagedProviderPath } from './provider-executable.js';

const CHECKOUT = resolve(import.meta.dirname, '../../..');

describe('where the credential provider executable is', () => {
  it('is the checkout’s launcher in development (a .cmd on Windows)', () => {
    const launcher = devLauncherPath('linux');
    expect(launcher).toBe(join(CHECKOUT, 'bin', 'cratekeeper-credential-provider'));
    expect(isAbsolute(launcher)).toBe(true);
    expect(existsSync(`${launcher}.cmd`)).toBe(true);
  });

  it('is found from a bundle in .vite/build too, and never invented outside a checkout', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ck checkout '));
    try {
      await mkdir(join(root, 'bin'));
      await mkdir(join(root, '.vite', 'build'), { recursive: true });
      await writeFile(join(root, 'bin', 'cratekeeper-credential-provider'), '');
      expect(devLauncherPath('darwin', join(root, '.vite', 'build'))).toBe(
        join(root, 'bin', 'cratekeeper-credential-provider'),
      );
      expect(() => devLauncherPath('linux', tmpdir())).toThrow(/only in a checkout/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('is the single executable in an installed app’s resources', () => {
    expect(packagedProviderPath('/opt/Cratekeeper/resources', 'linux')).toBe(
      '/opt/Cratekeeper/resources/cratekeeper-credential-provider',
    );
    expect(packagedProviderPath('/Applications/Cratekeeper.app/Contents/Resources', 'darwin')).toBe(
      '/Applications/Cratekeeper.app/Contents/Resources/cratekeeper-credential-provider',
    );
    expect(packagedProviderPath('C:\\Program Files\\Cratekeeper\\resources', 'win32')).toBe(
      'C:\\Program Files\\Cratekeeper\\resources\\cratekeeper-credential-provider.exe',
    );
  });
});
