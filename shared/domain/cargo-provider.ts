import { z } from 'zod';
import { endpointScopeSchema } from './scopes';

/**
 * cargo asks Cratekeeper (issue: credential provider). What the window sees of
 * it: whether cargo is connected, each registry's policy, the requests
 * answered, and approvals waiting. Never a secret.
 */

/** The operations cargo asks a provider about (protocol v1). */
export const CARGO_OPERATIONS = ['read', 'publish', 'yank', 'unyank', 'owners'] as const;
export type CargoOperation = (typeof CARGO_OPERATIONS)[number];

/** What the provider does for one registry. */
export const providerPolicySchema = z.object({
  /**
   * No token fits the request: `refuse` answers cargo an error naming what is
   * needed (and offers the builder, prefilled); `fall-through` answers
   * `not-found`, so cargo asks its next provider (`cargo:token`, CI variables).
   */
  whenNoToken: z.enum(['refuse', 'fall-through']),
  /** "Ask me before each publish": publish, yank, unyank and owners wait for the user (60 s). */
  askBeforePublish: z.boolean(),
});
export type ProviderPolicy = z.infer<typeof providerPolicySchema>;

export const DEFAULT_PROVIDER_POLICY: ProviderPolicy = {
  whenNoToken: 'refuse',
  askBeforePublish: false,
};

/** One registry as the provider sees it. */
export const providerRegistrySchema = z.object({
  /** cargo's name (`crates-io` for crates.io): the key of its policy. */
  registryName: z.string(),
  /** The accounts signed in to it (ids). */
  accountIds: z.array(z.string()),
  policy: providerPolicySchema,
  /**
   * A registry-specific provider in cargo's config that would be asked
   * instead of ours (Connect cargo adds ours there too); null when none.
   */
  shadowedBy: z.string().nullable(),
  /** cargo's credentials file still holds a plaintext token for it that the provider replaces. */
  plaintextInCredentials: z.boolean(),
});
export type ProviderRegistry = z.infer<typeof providerRegistrySchema>;

/** The Settings page's "cargo asks Cratekeeper" section. */
export const providerStatusSchema = z.object({
  /** cargo's config.toml names our provider (Connect cargo was done and not undone by hand). */
  connected: z.boolean(),
  /** The config file Connect cargo writes (`$CARGO_HOME/config.toml`); null when CARGO_HOME is unknown. */
  configFile: z.string().nullable(),
  /** The executable cargo runs: the development launcher or the installed app's. */
  executable: z.string(),
  /** The app answers provider requests now (its socket is listening). */
  listening: z.boolean(),
  /** config.toml could not be read or parsed: the parser's message; else null. */
  problem: z.string().nullable(),
  registries: z.array(providerRegistrySchema),
});
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

/** One request cargo made, as kept for the audit (metadata only, bounded). */
export const providerAuditEntrySchema = z.object({
  id: z.string(),
  /** ISO time the request arrived. */
  at: z.string(),
  /** cargo's registry name, or its index URL when it is not one the app knows. */
  registry: z.string(),
  operation: z.enum(CARGO_OPERATIONS),
  /** The crate and version (publish, yank, unyank, owners); null for read. */
  crate: z.string().nullable(),
  version: z.string().nullable(),
  /** The token handed out (key and name); null when none was. */
  tokenKey: z.string().nullable(),
  tokenName: z.string().nullable(),
  outcome: z.enum(['allowed', 'refused', 'fell-through', 'denied', 'timed-out', 'not-supported']),
  /** Why, in a sentence: which rule chose the token, or what was missing. */
  reason: z.string(),
});
export type ProviderAuditEntry = z.infer<typeof providerAuditEntrySchema>;

/** The audit keeps this many entries, newest first. */
export const PROVIDER_AUDIT_LIMIT = 500;

/** A request waiting for "Ask me before each publish". */
export const approvalRequestSchema = z.object({
  id: z.string(),
  registryName: z.string(),
  operation: z.enum(CARGO_OPERATIONS),
  crate: z.string().nullable(),
  version: z.string().nullable(),
  /** The token that would be handed out. */
  tokenName: z.string(),
  /** ISO time the request is denied unless answered (60 s after it arrived). */
  deadline: z.string(),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/** How long cargo waits for an approval before it is answered "denied". */
export const APPROVAL_TIMEOUT_MS = 60_000;

/** The builder, filled in for what cargo asked and no token fitted (a notification's click). */
export const builderPrefillSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  endpointScopes: z.array(endpointScopeSchema),
  cratePatterns: z.array(z.string()),
});
export type BuilderPrefill = z.infer<typeof builderPrefillSchema>;
