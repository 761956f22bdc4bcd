import { z } from 'zod';

/** One registry in cargo's credentials: the token cargo reads for it, as far as the app can tell. */
export const cargoRegistryUseSchema = z.object({
  /** cargo's registry name (`crates-io` for crates.io's `[registry]` table). */
  registry: z.string(),
  /** The held token whose secret is the one in the file (SHA-256 match); null: not one the app holds. */
  tokenKey: z.string().nullable(),
  /** The file holds a token for this registry (tokenKey null + present: "Import from cargo"). */
  present: z.boolean(),
  /** The account this registry is, when known (for "Import from cargo"). */
  accountId: z.string().nullable(),
  /** The token cargo uses is expired or revoked: a sentence for the list's alert; else null. */
  alert: z.string().nullable(),
});
export type CargoRegistryUse = z.infer<typeof cargoRegistryUseSchema>;

/** What cargo reads, as the list needs it: never a secret. */
export const cargoStatusSchema = z.object({
  /** The CARGO_HOME in use; null when it could not be found. */
  cargoHome: z.string().nullable(),
  /** The credentials file cargo reads (`credentials.toml`, or the legacy `credentials`). */
  credentialsFile: z.string().nullable(),
  /** The file could not be read or parsed: the parser's message with line and column. */
  problem: z.string().nullable(),
  registries: z.array(cargoRegistryUseSchema),
});
export type CargoStatus = z.infer<typeof cargoStatusSchema>;

/** Something that makes cargo ignore what the credentials file says for a registry. */
export const cargoOverrideSchema = z.object({
  kind: z.enum(['environment', 'config-token', 'credential-provider']),
  /** e.g. "CARGO_REGISTRY_TOKEN is set in Cratekeeper's environment: cargo uses it instead." */
  message: z.string(),
});
export type CargoOverride = z.infer<typeof cargoOverrideSchema>;

/** A line of the change to the credentials file; the secret masked. */
export const cargoChangeLineSchema = z.object({
  kind: z.enum(['context', 'removed', 'added']),
  text: z.string(),
});

/** What "Use NAME with cargo" would do, for its confirmation dialog. */
export const cargoWritePlanSchema = z.object({
  tokenKey: z.string(),
  registry: z.string(),
  file: z.string(),
  fileExists: z.boolean(),
  /** A few lines around the change, secret masked. */
  change: z.array(cargoChangeLineSchema),
  overrides: z.array(cargoOverrideSchema),
  /** false when a credential provider is configured: cargo never reads the file. */
  fileIsRead: z.boolean(),
});
export type CargoWritePlan = z.infer<typeof cargoWritePlanSchema>;
