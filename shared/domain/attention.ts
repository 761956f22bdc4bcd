import { z } from 'zod';

/** The tray's three states: nothing to do, something expiring, something broken. */
export const TRAY_STATES = ['ok', 'attention', 'alert'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/**
 * Why a token (or account) needs the user. `expiring` and `expired` come from
 * the expiry model; `revoked-elsewhere` is a held secret whose token the
 * registry no longer lists; `signed-out` is an account whose session ended.
 */
export const ATTENTION_REASONS = [
  'expiring',
  'expired',
  'revoked-elsewhere',
  'signed-out',
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export const attentionItemSchema = z.object({
  /** The token's key; for `signed-out`, `account:${accountId}`. */
  key: z.string(),
  /** The token's name (or the account's label for `signed-out`). */
  name: z.string(),
  reason: z.enum(ATTENTION_REASONS),
  /** For expiring/expired: the threshold crossed, `14d`…`1d` or `expired`; else null. */
  threshold: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** One sentence that says what happened and what to do. */
  message: z.string(),
  /** Rotate and Regenerate make sense (a registry token the account can still replace). */
  canReplace: z.boolean(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** Everything that needs action, worst first; what the banner and the tray show. */
export const attentionSchema = z.object({
  state: z.enum(TRAY_STATES),
  items: z.array(attentionItemSchema),
  /** ISO time of the last background or manual refresh; null before the first. */
  refreshedAt: z.string().nullable(),
});
export type Attention = z.infer<typeof attentionSchema>;

/** Where the window should go (a notification or tray item was clicked). */
export const navigationSchema = z.object({
  to: z.enum(['tokens', 'settings']),
  /** Show this token (scrolled to and focused, Rotate and Regenerate at hand). */
  tokenKey: z.string().optional(),
  /** Filter the list to these keys ("and N more" in the banner). */
  tokenKeys: z.array(z.string()).optional(),
});
export type Navigation = z.infer<typeof navigationSchema>;
