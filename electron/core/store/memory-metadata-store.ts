import {
  assertMetadata,
  DEFAULT_METADATA,
  METADATA_KEYS,
  type Metadata,
  type MetadataKey,
} from './metadata';
import type { MetadataStore } from './metadata-store';

/**
 * An in-memory MetadataStore for unit tests and previews. It validates and
 * copies like the real one, so a caller cannot pass a test by mutating what it
 * got back or by setting a value the file store would refuse.
 */
export class MemoryMetadataStore implements MetadataStore {
  private data: Metadata;

  constructor(initial: Partial<Metadata> = {}) {
    const data = { ...DEFAULT_METADATA, ...initial };
    for (const key of METADATA_KEYS) assertMetadata(key, data[key]);
    this.data = structuredClone(data);
  }

  get<K extends MetadataKey>(key: K): Metadata[K] {
    return structuredClone(this.data[key]);
  }

  set<K extends MetadataKey>(key: K, value: Metadata[K]): void {
    assertMetadata(key, value);
    this.data = { ...this.data, [key]: structuredClone(value) };
  }
}
