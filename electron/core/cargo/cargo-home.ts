import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** What the core needs to find cargo's folder; injected so tests never read the real one. */
export interface CargoEnvironment {
  /** The app's own environment (process.env in the app). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder (USERPROFILE on Windows). */
  readonly homeDir: string;
  /**
   * CARGO_HOME as a login shell sets it, or null (unset, no shell, too slow).
   * An app started from the macOS Dock does not see variables set in shell
   * profiles; absent in tests, so they never spawn a shell.
   */
  readonly loginShellCargoHome?: () => Promise<string | null>;
}

/** Which source gave the CARGO_HOME in use (for messages). */
export type CargoHomeSource = 'setting' | 'environment' | 'login-shell' | 'default';

export interface ResolvedCargoHome {
  readonly path: string;
  readonly source: CargoHomeSource;
}

/**
 * Where cargo looks: the folder chosen in Settings, else CARGO_HOME from the
 * app's environment, else from a login shell, else `~/.cargo`
 * (`%USERPROFILE%\.cargo` on Windows: homedir() is USERPROFILE there).
 * The login shell is asked once per run; its answer is kept.
 */
export class CargoHomeLocator {
  private fromShell: Promise<string | null> | null = null;

  constructor(private readonly environment: CargoEnvironment) {}

  async resolve(setting: string | null): Promise<ResolvedCargoHome> {
    if (setting) return { path: setting, source: 'setting' };
    const fromEnv = this.environment.env.CARGO_HOME;
    if (fromEnv) return { path: fromEnv, source: 'environment' };
    const shell = this.environment.loginShellCargoHome;
    if (shell) {
      this.fromShell ??= shell().catch(() => null);
      const fromShell = await this.fromShell;
      if (fromShell) return { path: fromShell, source: 'login-shell' };
    }
    return { path: join(this.environment.homeDir, '.cargo'), source: 'default' };
  }
}

const SHELL_TIMEOUT_MS = 3000;

/**
 * Asks the user's login shell for CARGO_HOME (`$SHELL -ilc`), giving up after
 * a few seconds (a slow or interactive profile must not hold the app). Not on
 * Windows, where programs get the user's environment from the system.
 */
export function loginShellCargoHome(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): () => Promise<string | null> {
  return () => {
    if (platform === 'win32') return Promise.resolve(null);
    const shell = env.SHELL ?? '/bin/sh';
    const marker = '__CRATEKEEPER_CARGO_HOME__';
    return new Promise((resolve) => {
      execFile(
        shell,
        ['-ilc', `printf '${marker}%s${marker}' "$CARGO_HOME"`],
        { timeout: SHELL_TIMEOUT_MS, env: { ...env, CARGO_HOME: '' } },
        (error, stdout) => {
          // Profiles may print banners: take only what sits between the markers.
          const found = new RegExp(`${marker}(.*)${marker}`).exec(stdout)?.[1]?.trim();
          resolve(error || !found ? null : found);
        },
      );
    });
  };
}

/** A CARGO_HOME of the core's own (tests and tools that pass no environment): never the user's. */
export function isolatedCargoEnvironment(dataDir: string): CargoEnvironment {
  return { env: { CARGO_HOME: join(dataDir, 'cargo-home') }, homeDir: dataDir };
}
