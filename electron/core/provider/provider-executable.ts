import { existsSync } from 'node:fs';
import { dirname, posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the credential provider executable is, for the config that "Connect
 * cargo" writes (cargo needs an absolute path to an executable):
 *   - in a development checkout, the launcher in `bin/` (a `.cmd` on Windows),
 *     which runs electron/credential-provider with the checkout's Node;
 *   - in an installed app, the single executable shipped as an extra resource
 *     (electron/credential-provider/build.ts builds it; forge.config.ts ships it).
 */

export const PROVIDER_EXECUTABLE_BASENAME = 'cratekeeper-credential-provider';

function pathsFor(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** The launcher's path relative to the checkout's root. */
export function devLauncherRelativePath(platform: NodeJS.Platform): string {
  return pathsFor(platform).join(
    'bin',
    PROVIDER_EXECUTABLE_BASENAME + (platform === 'win32' ? '.cmd' : ''),
  );
}

/**
 * The launcher in the checkout this code runs from. Found by walking up from
 * this module (electron/core/provider in the preview and tests, .vite/build
 * when bundled by `npm start`) to the folder that holds the launcher.
 */
export function devLauncherPath(
  platform: NodeJS.Platform = process.platform,
  startDir: string = dirname(fileURLToPath(import.meta.url)),
): string {
  const paths = pathsFor(platform);
  const relative = devLauncherRelativePath(platform);
  for (let dir = startDir; ; dir = paths.dirname(dir)) {
    const candidate = paths.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (paths.dirname(dir) === dir) break;
  }
  throw new Error(
    `No ${relative} above ${startDir}: the development launcher is only in a checkout of Cratekeeper.`,
  );
}

/** The single executable in an installed app's resources (`process.resourcesPath`). */
export function packagedProviderPath(resourcesPath: string, platform: NodeJS.Platform): string {
  return pathsFor(platform).join(
    resourcesPath,
    PROVIDER_EXECUTABLE_BASENAME + (platform === 'win32' ? '.exe' : ''),
  );
}
