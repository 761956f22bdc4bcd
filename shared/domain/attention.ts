import { z } from 'zod';
import { builderPrefillSchema } from './cargo-provider';

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

/**
 * Token items the window is sent at once. Thousands of tokens can expire
 * together (5,000 tokens made the same day): the banner names a few, and the
 * whole list costs hundreds of KB on every change, so it is asked for only
 * when the user wants all of them (`watch:attention-keys`).
 */
export const ATTENTION_ITEMS_SENT = 10;

/**
 * What the window is told: the tray's state, every signed-out account, the
 * worst few tokens and how many tokens there are of each kind.
 */
export const attentionSummarySchema = z.object({
  state: z.enum(TRAY_STATES),
  /** Every signed-out account, then the worst `ATTENTION_ITEMS_SENT` tokens. */
  items: z.array(attentionItemSchema),
  /** All tokens that need action: broken (expired, revoked elsewhere) and expiring. */
  tokenCounts: z.object({
    broken: z.number().int().nonnegative(),
    expiring: z.number().int().nonnegative(),
  }),
  refreshedAt: z.string().nullable(),
});
export type AttentionSummary = z.infer<typeof attentionSummarySchema>;

/** The window's view of what needs action (see `attentionSummarySchema`). */
export function summariseAttention(attention: Attention): AttentionSummary {
  const accounts = attention.items.filter((item) => item.reason === 'signed-out');
  const tokens = attention.items.filter((item) => item.reason !== 'signed-out');
  const expiring = tokens.filter((item) => item.reason === 'expiring').length;
  return {
    state: attention.state,
    items: [...accounts, ...tokens.slice(0, ATTENTION_ITEMS_SENT)],
    tokenCounts: { broken: tokens.length - expiring, expiring },
    refreshedAt: attention.refreshedAt,
  };
}

/** The keys of every token that needs action, worst first ("and N more"). */
export function attentionTokenKeys(attention: Attention): string[] {
  return attention.items.filter((item) => item.reason !== 'signed-out').map((item) => item.key);
}

/** Where the window should go (a notification or tray item was clicked). */
export const navigationSchema = z.object({
  /** `builder`: the New token builder, filled in with `builder` (cargo asked for a token none fitted). */
  to: z.enum(['tokens', 'settings', 'builder']),
  /** Show this token (scrolled to and focused, Rotate and Regenerate at hand). */
  tokenKey: z.string().optional(),
  /** Filter the list to these keys ("and N more" in the banner). */
  tokenKeys: z.array(z.string()).optional(),
  /** What the builder is filled in with (`to: 'builder'`). */
  builder: builderPrefillSchema.optional(),
});
export type Navigation = z.infer<typeof navigationSchema>;
