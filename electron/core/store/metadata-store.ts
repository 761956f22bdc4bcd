import type { Metadata, MetadataKey } from './metadata';

/**
 * Typed access to the app's non-secret metadata. The core depends on this
 * interface only; Node and the harness back it with conf, the Electron shell
 * with electron-store (same options, see metadata-store-options.ts), unit
 * tests with MemoryMetadataStore.
 *
 * `set` validates against the schema and throws, changing nothing, when the
 * value does not fit.
 */
export interface MetadataStore {
  get<K extends MetadataKey>(key: K): Metadata[K];
  set<K extends MetadataKey>(key: K, value: Metadata[K]): void;
}
