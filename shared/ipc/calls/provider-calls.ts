import { z } from 'zod';
import {
  approvalRequestSchema,
  providerAuditEntrySchema,
  providerPolicySchema,
  providerStatusSchema,
} from '../../domain/cargo-provider';

const cargoRegistryNameInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A cargo registry name has letters, digits, - and _ only.');

/**
 * cargo asks Cratekeeper (issue: credential provider). No call here returns a
 * secret; the provider's answers go to cargo over the app's own socket.
 */
export const providerCalls = {
  /** Whether cargo is connected, and each registry's policy. */
  'provider:status': () => ({
    input: z.object({}).strict(),
    output: providerStatusSchema,
  }),
  /**
   * "Connect cargo": writes our provider into cargo's config.toml, every other
   * byte unchanged (global-credential-providers with cargo:token carried
   * forward and ours last; per registry where a registry-specific provider
   * would shadow it). Plaintext tokens are offered for removal afterwards
   * (`cargo:remove`), never removed by this call.
   */
  'provider:connect': () => ({
    input: z.object({}).strict(),
    output: providerStatusSchema,
  }),
  /** "Disconnect cargo": removes exactly what Connect cargo added. */
  'provider:disconnect': () => ({
    input: z.object({}).strict(),
    output: providerStatusSchema,
  }),
  /** Changes one registry's policy (fall through, ask before each publish). */
  'provider:set-policy': () => ({
    input: z
      .object({
        registryName: cargoRegistryNameInput,
        policy: providerPolicySchema.partial().strict(),
      })
      .strict(),
    output: providerStatusSchema,
  }),
  /** Every request answered, newest first (bounded, metadata only). */
  'provider:audit': () => ({
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(providerAuditEntrySchema) }),
  }),
  /** Approvals waiting now (the window opened after the request arrived). */
  'provider:pending-approvals': () => ({
    input: z.object({}).strict(),
    output: z.object({ requests: z.array(approvalRequestSchema) }),
  }),
  /** The user's answer to "Ask me before each publish". */
  'provider:approve': () => ({
    input: z.object({ id: z.string().min(1).max(200), allow: z.boolean() }).strict(),
    output: z.object({ id: z.string() }),
  }),
} as const;

export const providerEvents = {
  /** A request waits for the user (Ask me before each publish). */
  'provider:approval-requested': () => ({ payload: approvalRequestSchema }),
  /** A request was answered (allowed, refused, denied, timed out): the audit grew. */
  'provider:answered': () => ({ payload: providerAuditEntrySchema }),
  /** Connected or disconnected, a policy changed, or config.toml changed on disk. */
  'provider:changed': () => ({ payload: providerStatusSchema }),
} as const;
