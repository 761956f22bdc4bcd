import { watch, type FSWatcher } from 'node:fs';

/** The files in CARGO_HOME whose change changes what cargo reads. */
const WATCHED_NAMES = new Set(['credentials', 'credentials.toml', 'config', 'config.toml']);

/**
 * Watches CARGO_HOME (the folder, not the file: an atomic replace by cargo,
 * an editor or us swaps the file's inode, which a file watch would lose) and
 * calls `changed` once things are quiet for `debounceMs`. A folder that does
 * not exist yet is tried again at the next `watch` call.
 */
export class CargoWatcher {
  private folder: string | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly changed: () => void,
    private readonly debounceMs: number,
  ) {}

  watch(folder: string): void {
    if (this.folder === folder && this.watcher) return;
    this.close();
    this.folder = folder;
    try {
      this.watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name !== null && !WATCHED_NAMES.has(name)) return;
        this.schedule();
      });
      this.watcher.on('error', () => {
        this.close();
      });
    } catch {
      this.watcher = null;
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.changed();
    }, this.debounceMs);
    this.timer.unref();
  }
}
