import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Whether an Electron binary is there to launch, found without loading the
 * `electron` package: in plain Node that package tries to download the
 * binary and throws where the download host cannot be reached.
 */
export function hasElectronBinary(env: NodeJS.ProcessEnv = process.env): boolean {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) return existsSync(override);
  return existsSync(resolve(REPO_ROOT, 'node_modules/electron/dist'));
}
