import { z } from 'zod';
import { accountSchema } from '../domain/account';
import { tokenListSchema } from '../domain/token';

/**
 * The one table of everything that crosses between main and renderer. Preload,
 * the ipcMain handlers and the browser harness are all derived from it, so no
 * channel name or schema is written anywhere else.
 */
export const ipcCalls = {
  /** Every account the app knows, signed in or not. */
  'accounts:list': {
    input: z.object({}).strict(),
    output: z.array(accountSchema),
  },
  /** Tokens of every signed-in account, fetched in parallel. */
  'tokens:list': {
    input: z
      .object({
        /** Also list tokens that expired within this many days (crates.io's `expired_days`). */
        expiredDays: z.number().int().min(0).max(365).optional(),
      })
      .strict(),
    output: tokenListSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events pushed from main to the renderer. */
export const ipcEvents = {
  /** The account list changed (sign-in, sign-out, session expiry). */
  'accounts:changed': { payload: z.array(accountSchema) },
} as const satisfies Record<string, { payload: z.ZodType }>;

export type CallName = keyof typeof ipcCalls;
export type EventName = keyof typeof ipcEvents;
export type CallInput<K extends CallName> = z.input<(typeof ipcCalls)[K]['input']>;
export type CallOutput<K extends CallName> = z.output<(typeof ipcCalls)[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof ipcEvents)[E]['payload']>;

export const CALL_NAMES = Object.keys(ipcCalls) as CallName[];
export const EVENT_NAMES = Object.keys(ipcEvents) as EventName[];

export function isCallName(value: string): value is CallName {
  return Object.hasOwn(ipcCalls, value);
}
