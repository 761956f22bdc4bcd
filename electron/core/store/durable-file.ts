import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Replaces the file atomically (PRODUCT.md, "Nothing lost"): write-file-atomic
 * writes a temporary file beside it, fsyncs it and renames it over the old one,
 * so a kill at any moment leaves either the old or the new file. The
 * directory is fsynced after the rename so the rename itself survives a power
 * cut. Owner-only permissions, always (not copied from an older file).
 */
export async function writeFileDurably(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, data, { mode: 0o600, fsync: true, encoding: 'utf8' });
  await fsyncDirectory(dirname(path));
}

/**
 * The file's text, or null when there is none. Read whole and decoded once:
 * `readFile(path, 'utf8')` decodes chunk by chunk through a string decoder,
 * which took longer than parsing the JSON for a file of a few hundred KB.
 */
export async function readTextFile(path: string): Promise<string | null> {
  try {
    return (await readFile(path)).toString('utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes temporary files a killed writer left beside `path`
 * (write-file-atomic names them `<file>.<number>`). Beside the vault they hold
 * sealed copies, possibly of secrets deleted since; leaving them would keep
 * those on disk. Call only before this process writes the file: the app runs
 * as a single instance, so no other writer can be mid-write then.
 */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  const stale = names.filter(
    (name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)),
  );
  await Promise.all(stale.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
}

async function fsyncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; its rename is durable enough there.
    if (
      isErrnoException(error) &&
      ['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes(error.code ?? '')
    )
      return;
    throw error;
  } finally {
    await handle?.close();
  }
}

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
