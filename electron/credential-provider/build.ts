import { execFile } from 'node:child_process';
import { copyFile, chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { PROVIDER_EXECUTABLE_BASENAME } from '../core/provider/provider-executable.js';

/**
 * Builds the credential provider (npm run build:provider):
 *   - a one-file CommonJS bundle of main.ts, which the development launcher
 *     (bin/cratekeeper-credential-provider) runs with the checkout's Node for
 *     a fast start, and which is the script of
 *   - with `--sea`: a Node single-executable application for installed apps
 *     (the packaged app cannot act as Node: its RunAsNode fuse is off), made
 *     from the Node running this script, for this platform. forge.config.ts
 *     runs this before packaging and ships the result as an extra resource.
 */

const run = promisify(execFile);

const ROOT = resolve(import.meta.dirname, '../..');
export const PROVIDER_OUT_DIR = join(ROOT, 'out', 'provider');
export const PROVIDER_BUNDLE = join(PROVIDER_OUT_DIR, `${PROVIDER_EXECUTABLE_BASENAME}.cjs`);
/** The fuse postject flips in the Node binary (Node's documented sentinel). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export async function bundleProvider(outfile: string = PROVIDER_BUNDLE): Promise<string> {
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'electron', 'credential-provider', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

/** The single executable for this platform, next to the bundle. */
export function seaExecutablePath(platform: NodeJS.Platform = process.platform): string {
  return join(
    PROVIDER_OUT_DIR,
    PROVIDER_EXECUTABLE_BASENAME + (platform === 'win32' ? '.exe' : ''),
  );
}

export async function buildSingleExecutable(): Promise<string> {
  await mkdir(PROVIDER_OUT_DIR, { recursive: true });
  const bundle = await bundleProvider();
  const blob = join(PROVIDER_OUT_DIR, 'sea-prep.blob');
  const seaConfig = join(PROVIDER_OUT_DIR, 'sea-config.json');
  await writeFile(
    seaConfig,
    JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      // Compiled once here instead of at every start cargo makes.
      useCodeCache: true,
    }),
  );
  await run(process.execPath, ['--experimental-sea-config', seaConfig]);

  const executable = seaExecutablePath();
  await rm(executable, { force: true });
  await copyFile(process.execPath, executable);
  await chmod(executable, 0o755);
  if (process.platform === 'darwin') {
    await run('codesign', ['--remove-signature', executable]);
  } else if (process.platform === 'linux') {
    // Node's release binaries carry symbols (and the npm 'node' package's
    // debug info); the provider needs neither. Best effort: no strip, no loss.
    await run('strip', ['--strip-all', executable]).catch(() => undefined);
  }
  const postject = join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js');
  await run(process.execPath, [
    postject,
    executable,
    'NODE_SEA_BLOB',
    blob,
    '--sentinel-fuse',
    SEA_FUSE,
    ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
  ]);
  if (process.platform === 'darwin') await run('codesign', ['--sign', '-', executable]);
  await rm(blob, { force: true });
  await rm(seaConfig, { force: true });
  return executable;
}

async function cli(): Promise<void> {
  const started = performance.now();
  const built = process.argv.includes('--sea')
    ? await buildSingleExecutable()
    : await bundleProvider();
  const { size } = await stat(built);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${built} (${(size / 1024 / 1024).toFixed(1)} MB) in ${seconds} s`);
}

/**
 * For Forge's prePackage hook: the executable can only be made for the
 * platform this runs on (it is this Node binary with the bundle injected).
 */
export async function buildSingleExecutableFor(platform: string, arch: string): Promise<void> {
  if (platform !== process.platform || arch !== process.arch) {
    throw new Error(
      `The credential provider's single executable is built from the Node running the build (${process.platform}-${process.arch}); package for ${platform}-${arch} on such a machine.`,
    );
  }
  await buildSingleExecutable();
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  cli().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
