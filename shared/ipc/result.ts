import { z } from 'zod';

/**
 * Only an error's message survives Electron IPC, so every call answers with an
 * explicit success or failure value instead of throwing across the boundary.
 */
export const FAILURE_CODES = [
  'invalid-input',
  /** The caller is not the app's own page. */
  'forbidden',
  /** The user cancelled (closed the sign-in window). */
  'cancelled',
  /** The vault is locked: unlock it with the passphrase first. */
  'locked',
  'not-found',
  'signed-out',
  'registry-error',
  'network',
  'internal',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export const failureSchema = z.object({
  code: z.enum(FAILURE_CODES),
  message: z.string(),
});
export type Failure = z.infer<typeof failureSchema>;

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: FailureCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
