import type { Options } from 'conf';
import { DEFAULT_METADATA, type Metadata } from './metadata';
import { metadataMigrations, METADATA_FORMAT_VERSION } from './metadata-migrations';

/** The file is `metadata.json` in the data directory. */
export const METADATA_CONFIG_NAME = 'metadata';

/**
 * conf options without `cwd`, plus `name`: electron-store takes conf's options
 * but calls the file name `name` (and overwrites `configName` with it), so
 * both are set and the shell can pass this object to `new ElectronStore(...)`
 * unchanged. `projectVersion` is the metadata format version, not the app's:
 * electron-store keeps a given one instead of `app.getVersion()`, so
 * migrations follow the data, not releases.
 */
export type MetadataStoreOptions = Options<Metadata> & { readonly name: string };

/** A fresh options object each call: conf and ajv may annotate what they are given. */
export function metadataStoreOptions(): MetadataStoreOptions {
  return {
    configName: METADATA_CONFIG_NAME,
    name: METADATA_CONFIG_NAME,
    projectVersion: METADATA_FORMAT_VERSION,
    defaults: structuredClone(DEFAULT_METADATA),
    migrations: metadataMigrations,
    // An unreadable file is reported, never silently replaced by defaults (PRODUCT.md, "Nothing lost").
    clearInvalidConfig: false,
    // Keys are top-level names; an account id with a dot must never become a path.
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    // No `schema`: conf would compile it with ajv at every start (~60 ms). The
    // store validates with the zod schemas instead (ConfMetadataStore), on
    // open and on every set.
    // Writes still read the file first; reads answer from memory.
    cache: true,
  };
}
