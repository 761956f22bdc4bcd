import { z } from 'zod';
import { attentionSummarySchema, navigationSchema } from '../../domain/attention';
import { settingsSchema, settingsViewSchema } from '../../domain/settings';

/** The expiry watch and the Settings page (issue: expiry watch). */
export const watchCalls = {
  /** The stored settings and what their defaults resolve to here. */
  'settings:get': () => ({
    input: z.object({}).strict(),
    output: settingsViewSchema,
  }),
  /** Changes some settings; takes effect at once (scheduler, tray, login item). */
  'settings:update': () => ({
    input: z.object({ patch: settingsSchema.partial().strict() }).strict(),
    output: settingsViewSchema,
  }),
  /** What needs action now (the banner), as the tray shows it. */
  'watch:attention': () => ({
    input: z.object({}).strict(),
    output: attentionSummarySchema,
  }),
  /** Every token that needs action, worst first: the banner's "and N more". */
  'watch:attention-keys': () => ({
    input: z.object({}).strict(),
    output: z.object({ keys: z.array(z.string()) }),
  }),
  /** Refreshes every account now (never two at once) and answers what needs action after it. */
  'watch:refresh-now': () => ({
    input: z.object({}).strict(),
    output: attentionSummarySchema,
  }),
  /**
   * Forgets a held secret: an imported token's row and secret, or the secret of
   * a token revoked or expired on the registry. Never touches the registry.
   */
  'tokens:forget': () => ({
    input: z.object({ key: z.string().min(1) }).strict(),
    output: z.object({ key: z.string() }),
  }),
} as const;

export const watchEvents = {
  /** What needs action changed (after a scheduler run or refresh). */
  'watch:changed': () => ({ payload: attentionSummarySchema }),
  /** Bring the user to a page or token (a notification or tray item was clicked). */
  'app:navigate': () => ({ payload: navigationSchema }),
} as const;
