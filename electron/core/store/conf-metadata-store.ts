import Conf from 'conf';
import { join } from 'node:path';
import { z } from 'zod';
import {
  assertMetadata,
  metadataSchemas,
  METADATA_KEYS,
  type Metadata,
  type MetadataKey,
} from './metadata';
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
 * MetadataStore on conf: a JSON file validated (with the zod schemas) and
 * migrated from older formats on open, and replaced atomically on every write
 * (conf writes a temporary file, fsyncs it and renames it over the old one).
 *
 * The app is the file's only writer, so the validated content is kept in
 * memory and every `get` answers from there: reading and checking the whole
 * file again on each `get` cost milliseconds per call with thousands of
 * imported tokens. Values are kept frozen and handed out as copies.
 */
export class ConfMetadataStore implements MetadataStore {
  private readonly data: Metadata;

  /** Throws when what conf holds does not fit the schemas (the file was edited or damaged). */
  constructor(private readonly conf: ConfBacking) {
    this.data = Object.fromEntries(
      METADATA_KEYS.map((key) => [key, deepFreeze(parseStored(key, conf.get(key)))]),
    ) as Metadata;
  }

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
    return copyJson(this.data[key]);
  }

  set<K extends MetadataKey>(key: K, value: Metadata[K]): void {
    assertMetadata(key, value);
    const kept = deepFreeze(copyJson(value));
    // conf 16 types `set` as taking the value without `undefined`; no Metadata
    // value is ever undefined, which assertMetadata has just checked.
    this.conf.set(key, kept as Exclude<Metadata[K], undefined>);
    // Memory follows the file only once the write went through.
    this.data[key] = kept;
  }
}

function parseStored<K extends MetadataKey>(key: K, value: unknown): Metadata[K] {
  const parsed = metadataSchemas[key].safeParse(value);
  if (!parsed.success) {
    throw new Error(`Invalid ${key}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data as Metadata[K];
}

/** A deep copy of JSON data (what the store holds); much cheaper than structuredClone. */
function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) copy[name] = copyJson(item);
    return copy as T;
  }
  return value;
}

/** Freezes what the store keeps, so no caller can change it by accident. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
