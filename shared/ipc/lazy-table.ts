/**
 * A frozen table whose entries are built on first read and then kept: the
 * contract's schemas cost nothing at import, and a process pays only for the
 * calls it actually validates. Keys are own, enumerable properties, so
 * `Object.keys` and `Object.hasOwn` see every entry before any is built.
 */
export function lazyTable<B extends Readonly<Record<string, () => unknown>>>(
  builders: B,
): { readonly [K in keyof B]: ReturnType<B[K]> } {
  const built = new Map<string, unknown>();
  const table = {};
  for (const key of Object.keys(builders)) {
    const build = builders[key];
    if (build === undefined) continue;
    Object.defineProperty(table, key, {
      enumerable: true,
      get: () => {
        if (!built.has(key)) built.set(key, build());
        return built.get(key);
      },
    });
  }
  // The one cast: every key of `builders` got a getter answering its builder's value.
  return Object.freeze(table) as { readonly [K in keyof B]: ReturnType<B[K]> };
}
