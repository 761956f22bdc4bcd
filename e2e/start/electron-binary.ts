import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the Electron binary would be, found the way the `electron` package
 * finds it (its index.js) but without loading that package: in plain Node it
 * tries to download the binary and throws where the download host cannot be
 * reached. `ELECTRON_OVERRIDE_DIST_PATH` wins; otherwise `path.txt`, written
 * by the package's install step, names the executable inside its `dist`
 * folder. Null when there is none.
 */
export function electronBinaryPath(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = REPO_ROOT,
): string | null {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) return existsSync(override) ? override : null;
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Whether an Electron binary is there to launch (see electronBinaryPath). */
export function hasElectronBinary(env: NodeJS.ProcessEnv = process.env): boolean {
  return electronBinaryPath(env) !== null;
}

/** The one line `npm start` prints when there is no binary: what happened and what to run instead. */
export function missingElectronMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env['ELECTRON_OVERRIDE_DIST_PATH']
    ? `ELECTRON_OVERRIDE_DIST_PATH (${env['ELECTRON_OVERRIDE_DIST_PATH']}) does not exist`
    : 'npm install could not download it into node_modules/electron/dist';
  return `npm start needs the Electron binary, and ${where}: run \`npm run preview\` to use Cratekeeper in a browser instead.`;
}
