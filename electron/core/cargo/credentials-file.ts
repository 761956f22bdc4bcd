import { access, chmod, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isErrnoException, removeStaleTempFiles } from '../store/durable-file';

/** cargo's credentials file names: the legacy one wins when it exists (cargo/NOTES.md). */
export const CREDENTIALS_TOML = 'credentials.toml';
export const LEGACY_CREDENTIALS = 'credentials';

/** Group and world permission bits: a credentials file must have none. */
const OTHERS_BITS = 0o077;
const NEW_FILE_MODE = 0o600;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The file cargo reads in this CARGO_HOME: the legacy `credentials` when it exists, else `credentials.toml`. */
export async function credentialsPathIn(cargoHome: string): Promise<string> {
  const legacy = join(cargoHome, LEGACY_CREDENTIALS);
  return (await exists(legacy)) ? legacy : join(cargoHome, CREDENTIALS_TOML);
}

/** The same choice cargo makes for its config: legacy `config` when it exists, else `config.toml`. */
export async function configPathIn(cargoHome: string): Promise<string> {
  const legacy = join(cargoHome, 'config');
  return (await exists(legacy)) ? legacy : join(cargoHome, 'config.toml');
}

/** A credentials file that is not UTF-8 (TOML must be). */
export class NotUtf8Error extends Error {
  constructor(path: string) {
    super(`${path} is not UTF-8 text, so it is not valid TOML. Cratekeeper leaves it untouched.`);
    this.name = 'NotUtf8Error';
  }
}

/** The file's text (BOM kept), or null when it does not exist. */
export async function readCredentialsText(path: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  }
  try {
    // ignoreBOM keeps a BOM in the text, so the writer can put it back byte for byte.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NotUtf8Error(path);
  }
}

/** The mode an existing file keeps (group and world bits taken away), or 0600 for a new one. */
export async function modeForWrite(path: string): Promise<number> {
  try {
    const { mode } = await stat(path);
    return mode & 0o777 & ~OTHERS_BITS;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return NEW_FILE_MODE;
    throw error;
  }
}

/**
 * Replaces the credentials file atomically: a temporary file beside it
 * (created with the final, owner-only mode, so the secret is never readable
 * by others even for a moment), fsynced, renamed over the old one. A symlink
 * (a dotfiles repository) is followed, as cargo does, and its target replaced.
 * No backup copy is kept: it would be a second plaintext copy of the secrets.
 */
export async function writeCredentialsText(path: string, text: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const mode = await modeForWrite(target);
  await mkdir(join(target, '..'), { recursive: true, mode: 0o700 });
  await writeFileAtomic(target, text, { mode, fsync: true, encoding: 'utf8' });
  // write-file-atomic applies the mode through the umask on some systems: set it exactly.
  await chmod(target, mode);
}

/**
 * Removes temporary copies a killed writer left beside the credentials file
 * (write-file-atomic names them `<file>.<uint32>`; they hold tokens in
 * plaintext). Called before this process writes the file.
 */
export async function removeLeftoverCopies(path: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  await removeStaleTempFiles(target).catch(() => undefined);
}
