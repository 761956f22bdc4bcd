import { chmod, lstat, mkdir, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ProviderConfigPort, ProviderConfigState } from '../provider/provider-config-port';
import { isErrnoException } from '../store/durable-file';
import { CargoWatcher } from './cargo-watcher';
import { configPathIn, readCredentialsText } from './credentials-file';
import {
  connectProvider,
  disconnectProvider,
  readProviderConfig,
  type ProviderCommand,
} from './provider-config-edit';

export interface CargoProviderConfigOptions {
  /** The CARGO_HOME in use (the cargo service's answer), or null when unknown. */
  readonly cargoHome: () => Promise<string | null>;
  /** What the alias runs: the launcher (development) or the packaged provider, and the data folder. */
  readonly command: ProviderCommand;
  /** Quiet time before a change on disk is reported (tests shorten it). */
  readonly watchDebounceMs?: number;
}

/** config.toml holds no secrets: a new one is readable by others, as cargo's own are. */
const NEW_FILE_MODE = 0o644;

function messageOf(error: unknown, file: string): string {
  if (isErrnoException(error) && typeof error.code === 'string') {
    return `Cratekeeper could not use ${file} (${error.code}). Check that the folder exists and that you may write to it.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Replaces cargo's config atomically (a temporary file beside it, fsynced,
 * renamed over it), keeping the file's mode; a symlink (a dotfiles
 * repository) is followed and its target replaced, as cargo reads it.
 */
async function writeConfigText(path: string, text: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  let mode = NEW_FILE_MODE;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch (error) {
    if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, text, { mode, fsync: true, encoding: 'utf8' });
  // write-file-atomic applies the mode through the umask on some systems: set it exactly.
  await chmod(target, mode);
}

/**
 * An emptied file may go only when it is a config.toml of its own: removing a
 * legacy `config` would make cargo read a config.toml beside it instead, and
 * removing a symlink would leave its target behind.
 */
async function isPlainConfigToml(file: string): Promise<boolean> {
  return basename(file) === 'config.toml' && !(await lstat(file)).isSymbolicLink();
}

/**
 * Connect cargo for one CARGO_HOME: reads and edits `$CARGO_HOME/config.toml`
 * (or the legacy `config` when that exists, as cargo does) through the pure
 * edits of provider-config-edit.ts. Edits run one after another; a file that
 * does not parse is never written, its problem is reported instead. When
 * Disconnect leaves the file empty it is removed (cargo reads no file as an
 * empty one), so a config.toml Connect created goes away with it.
 */
export class CargoProviderConfig implements ProviderConfigPort {
  private readonly watcher: CargoWatcher;
  private readonly listeners = new Set<() => void>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CargoProviderConfigOptions) {
    // cargo runs the alias from any folder: relative paths would point nowhere.
    for (const path of [options.command.executable, options.command.dataDir]) {
      if (!isAbsolute(path)) throw new Error(`The provider's paths must be absolute: ${path}`);
    }
    this.watcher = new CargoWatcher(() => {
      for (const listener of [...this.listeners]) listener();
    }, options.watchDebounceMs ?? 200);
  }

  async read(): Promise<ProviderConfigState> {
    const home = await this.options.cargoHome();
    if (home === null) return { connected: false, configFile: null, problem: null, shadowedBy: {} };
    if (this.listeners.size > 0) this.watcher.watch(home);
    const file = await configPathIn(home);
    try {
      const text = (await readCredentialsText(file)) ?? '';
      const findings = readProviderConfig(text, this.options.command, file);
      return { ...findings, configFile: file, problem: null };
    } catch (error) {
      return {
        connected: false,
        configFile: file,
        problem: messageOf(error, file),
        shadowedBy: {},
      };
    }
  }

  connect(): Promise<ProviderConfigState> {
    return this.edit((text, file) => connectProvider(text, this.options.command, file));
  }

  disconnect(): Promise<ProviderConfigState> {
    return this.edit((text, file) => disconnectProvider(text, file));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    void this.options
      .cargoHome()
      .then((home) => {
        if (home !== null && this.listeners.size > 0) this.watcher.watch(home);
      })
      .catch(() => undefined);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.watcher.close();
    };
  }

  /** Stops watching (quitting). */
  dispose(): void {
    this.listeners.clear();
    this.watcher.close();
  }

  /** Read, edit and replace the file, one edit at a time; then the state as it now is. */
  private edit(change: (text: string, file: string) => string): Promise<ProviderConfigState> {
    const run = async (): Promise<ProviderConfigState> => {
      const home = await this.options.cargoHome();
      if (home === null) return this.read();
      const file = await configPathIn(home);
      try {
        const before = await readCredentialsText(file);
        const after = change(before ?? '', file);
        if (after !== (before ?? '')) {
          if (after === '' && (await isPlainConfigToml(file))) await unlink(file);
          else await writeConfigText(file, after);
        }
      } catch (error) {
        const state = await this.read();
        return { ...state, problem: messageOf(error, file) };
      }
      return this.read();
    };
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
