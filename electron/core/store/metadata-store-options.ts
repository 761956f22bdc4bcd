import type { Options, Schema } from 'conf';
import { z } from 'zod';
import { DEFAULT_METADATA, metadataSchemas, type Metadata, type MetadataKey } from './metadata';
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
    schema: metadataJsonSchema(),
    defaults: structuredClone(DEFAULT_METADATA),
    migrations: metadataMigrations,
    // An unreadable file is reported, never silently replaced by defaults (PRODUCT.md, "Nothing lost").
    clearInvalidConfig: false,
    // Keys are top-level names; an account id with a dot must never become a path.
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    // zod writes nullable fields as `type: ["string", "null"]`, which strict ajv only warns about.
    ajvOptions: { allowUnionTypes: true },
  };
}

/**
 * The JSON schema conf validates with (one per top-level key), generated from
 * the same zod schemas the core uses, so the two cannot drift apart.
 */
export function metadataJsonSchema(): Schema<Metadata> {
  const property = (key: MetadataKey): Schema<Metadata>[MetadataKey] => {
    const schema = { ...z.toJSONSchema(metadataSchemas[key], { io: 'input' }) };
    // `$schema` belongs at a document's root; conf nests these under `properties`.
    delete schema.$schema;
    // Both are JSON Schema 2020-12; zod's and conf's typings differ only on keywords unused here.
    return schema as Schema<Metadata>[MetadataKey];
  };
  return {
    accounts: property('accounts'),
    importedTokens: property('importedTokens'),
    settings: property('settings'),
  };
}
