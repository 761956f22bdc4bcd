import { z } from 'zod';
import { accountSchema } from '../../../shared/domain/account';
import {
  PROVIDER_AUDIT_LIMIT,
  providerAuditEntrySchema,
  providerPolicySchema,
} from '../../../shared/domain/cargo-provider';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/domain/settings';
import { cargoRegistryNameSchema } from '../../../shared/domain/token-import';

/**
 * The app's non-secret metadata, one schema per top-level key. Secrets (session
 * cookies, token secrets) never live here: they are in the vault, under ids
 * derived from these entries.
 */

/**
 * A token the app did not create, imported by the user (the `tokens:import`
 * call). The app knows only what the user told it; its secret is in the vault
 * under an id derived from `id`.
 */
export const importedTokenSchema = z.object({
  id: z.string().min(1),
  /** cargo's name for the registry (`crates-io` for crates.io). */
  registryName: cargoRegistryNameSchema,
  name: z.string().min(1).max(200),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  importedAt: z.iso.datetime({ offset: true }),
});
export type ImportedToken = z.infer<typeof importedTokenSchema>;

export { settingsSchema, type Settings } from '../../../shared/domain/settings';

/** Threshold names as the expiry model writes them: `14d`…`365d`, or `expired`. */
const thresholdNameSchema = z.string().regex(/^(expired|[1-9][0-9]{0,2}d)$/);

/**
 * What the expiry watch must remember across restarts. Each notification
 * shown is recorded (token key + threshold) so a restart, a second refresh or
 * a clock going back never shows it again.
 */
export const watchMemorySchema = z.object({
  notified: z
    .array(
      z.object({
        key: z.string().min(1).max(1024),
        threshold: thresholdNameSchema,
        /** Wall-clock ISO time it was shown (for pruning only). */
        at: z.iso.datetime({ offset: true }),
      }),
    )
    .max(50_000),
  /**
   * Held secrets whose token the registry stopped listing, with the name the
   * token had: the next list no longer carries it.
   */
  revokedElsewhere: z
    .array(
      z.object({
        key: z.string().min(1).max(1024),
        name: z.string().max(1000),
        detectedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .max(10_000),
  /** Wall-clock ISO time of the last background or manual refresh. */
  refreshedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type WatchMemory = z.infer<typeof watchMemorySchema>;

export const DEFAULT_WATCH_MEMORY: WatchMemory = {
  notified: [],
  revokedElsewhere: [],
  refreshedAt: null,
};

/**
 * The credential provider's memory: each registry's policy (absent: the
 * default) and the requests answered, newest first, bounded (metadata only).
 */
export const providerMemorySchema = z.object({
  // A list, not an object keyed by registry name: a name like "__proto__" must stay a string.
  policies: z
    .array(z.object({ registryName: z.string().min(1).max(64), policy: providerPolicySchema }))
    .max(1000),
  audit: z.array(providerAuditEntrySchema).max(PROVIDER_AUDIT_LIMIT),
});
export type ProviderMemory = z.infer<typeof providerMemorySchema>;

export const DEFAULT_PROVIDER_MEMORY: ProviderMemory = { policies: [], audit: [] };

export const metadataSchemas = {
  accounts: z.array(accountSchema),
  importedTokens: z.array(importedTokenSchema),
  settings: settingsSchema,
  watch: watchMemorySchema,
  provider: providerMemorySchema,
} as const;

export type Metadata = {
  [K in keyof typeof metadataSchemas]: z.infer<(typeof metadataSchemas)[K]>;
};
export type MetadataKey = keyof Metadata;

export const METADATA_KEYS = Object.keys(metadataSchemas) as MetadataKey[];

/** A value that does not fit its key's schema; nothing was written. */
export class InvalidMetadataError extends Error {
  constructor(key: MetadataKey, error: z.ZodError) {
    super(`Invalid ${key}: ${z.prettifyError(error)}`);
    this.name = 'InvalidMetadataError';
  }
}

/** Throws InvalidMetadataError unless `value` fits the schema of `key`. */
export function assertMetadata<K extends MetadataKey>(key: K, value: Metadata[K]): void {
  const result = metadataSchemas[key].safeParse(value);
  if (!result.success) throw new InvalidMetadataError(key, result.error);
}

export { DEFAULT_SETTINGS } from '../../../shared/domain/settings';

export const DEFAULT_METADATA: Metadata = {
  accounts: [],
  importedTokens: [],
  settings: DEFAULT_SETTINGS,
  watch: DEFAULT_WATCH_MEMORY,
  provider: DEFAULT_PROVIDER_MEMORY,
};
