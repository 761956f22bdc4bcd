import Conf from 'conf';
import { join } from 'node:path';
import { assertMetadata, type Metadata, type MetadataKey } from './metadata';
import type { MetadataStore } from './metadata-store';
import { METADATA_CONFIG_NAME, metadataStoreOptions } from './metadata-store-options';

/** What ConfMetadataStore needs from conf; electron-store's Store (a Conf subclass) fits too. */
export type ConfBacking = Pick<Conf<Metadata>, 'get' | 'set'>;

/** The metadata file exists but cannot be read, validated or migrated. */
export class MetadataStoreUnreadableError extends Error {
  constructor(path: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? options.cause.message : 'unknown error';
    super(`The metadata file ${path} cannot be read: ${reason}`, options);
    this.name = 'MetadataStoreUnreadableError';
  }
}

/**
 * MetadataStore on conf: a JSON file checked against the schema, migrated from
 * older formats on open, and replaced atomically on every write (conf writes a
 * temporary file, fsyncs it and renames it over the old one).
 */
export class ConfMetadataStore implements MetadataStore {
  constructor(private readonly conf: ConfBacking) {}

  /** Opens (creating or migrating) `metadata.json` in `dataDir`. */
  static open(dataDir: string): ConfMetadataStore {
    try {
      return new ConfMetadataStore(new Conf<Metadata>({ ...metadataStoreOptions(), cwd: dataDir }));
    } catch (error) {
      throw new MetadataStoreUnreadableError(join(dataDir, `${METADATA_CONFIG_NAME}.json`), {
        cause: error,
      });
    }
  }

  get<K extends MetadataKey>(key: K): Metadata[K] {
    return this.conf.get(key);
  }

  set<K extends MetadataKey>(key: K, value: Metadata[K]): void {
    // Same check and error as MemoryMetadataStore; conf's own ajv check then passes.
    assertMetadata(key, value);
    // conf 16 types `set` as taking the value without `undefined`; no Metadata
    // value is ever undefined, which assertMetadata has just checked.
    this.conf.set(key, value as Exclude<Metadata[K], undefined>);
  }
}
