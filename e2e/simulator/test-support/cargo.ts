import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Why real-cargo tests cannot run here, or null when cargo is on PATH. */
export function cargoMissingReason(): string | null {
  const probe = spawnSync('cargo', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return '`cargo` is not on PATH; real-cargo tests skipped';
  return null;
}

export interface CargoRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const tempDirs: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Deletes every CARGO_HOME and crate directory made so far. */
export async function removeTempDirs(): Promise<void> {
  const dirs = tempDirs.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A throw-away CARGO_HOME (never the real one) pointing `sim` at the simulator. */
export async function makeCargoHome(indexUrl: string, token: string): Promise<string> {
  const home = await tempDir('sim-cargo-home-');
  await writeFile(path.join(home, 'config.toml'), `[registries.sim]\nindex = "${indexUrl}"\n`);
  await writeFile(path.join(home, 'credentials.toml'), `[registries.sim]\ntoken = "${token}"\n`);
  return home;
}

/** A dependency-free library crate in a temp dir, ready to publish. */
export async function makeCrate(name: string, version = '0.1.0'): Promise<string> {
  const dir = await tempDir('sim-crate-');
  await mkdir(path.join(dir, 'src'));
  await writeFile(
    path.join(dir, 'Cargo.toml'),
    [
      '[package]',
      `name = "${name}"`,
      `version = "${version}"`,
      'edition = "2021"',
      'description = "A throw-away crate for the simulator test"',
      'license = "MIT"',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'src', 'lib.rs'), 'pub fn answer() -> u32 { 42 }\n');
  return dir;
}

/** Runs real cargo with a clean, isolated environment, plus `extraEnv`. */
export function runCargo(
  args: readonly string[],
  cwd: string,
  cargoHome: string,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<CargoRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Tokens or registries from the outer environment must not leak into the test.
    if (!/^CARGO_REGISTR(Y|IES)_/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    CARGO_HOME: cargoHome,
    CARGO_TERM_COLOR: 'never',
    CARGO_TARGET_DIR: path.join(cwd, 'target'),
    ...extraEnv,
  });
  return new Promise((resolve, reject) => {
    const child = spawn('cargo', [...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
