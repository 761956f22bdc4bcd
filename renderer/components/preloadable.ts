/** A module loaded on demand, at most once, and possibly ahead of need. */
export interface Preloadable<T> {
  /** The module; the first call starts loading it, later calls share that load. */
  readonly load: () => Promise<T>;
  /** Starts loading now (on idle, on hover), so that showing it later is instant. */
  readonly preload: () => void;
}

/**
 * Wraps a dynamic `import()`. A load that failed is forgotten, so the next
 * `load` or `preload` tries again instead of repeating the failure forever.
 */
export function preloadable<T>(importer: () => Promise<T>): Preloadable<T> {
  let pending: Promise<T> | null = null;
  const load = (): Promise<T> => {
    if (pending === null) {
      const attempt = importer();
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = null;
      });
    }
    return pending;
  };
  return {
    load,
    preload: () => {
      // A failed preload is not an error to report: the real load retries and reports.
      load().catch(() => undefined);
    },
  };
}
