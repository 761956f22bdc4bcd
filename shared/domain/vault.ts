import { z } from 'zod';

/**
 * Where secrets are encrypted: the OS keychain through Electron's safeStorage,
 * or a key derived from the user's passphrase when the keychain is missing or
 * is Linux's `basic_text` fallback (which would be silently weak).
 */
export const vaultCipherSchema = z.enum(['os-keychain', 'passphrase']);

export const vaultStatusSchema = z.object({
  /** null until a cipher is chosen (first run on a machine without a usable keychain). */
  cipher: vaultCipherSchema.nullable(),
  /** `needs-passphrase`: no usable keychain and no passphrase yet; nothing can be stored. */
  state: z.enum(['ready', 'locked', 'needs-passphrase']),
  /** Why the OS keychain is not used, in words for the user; null when it is fine. */
  keychainProblem: z.string().nullable(),
  /** A passphrase vault locks itself after this many idle minutes. */
  idleLockMinutes: z.number().int().positive(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

/** Long enough to resist guessing; the upper bound only guards the IPC boundary. */
export const passphraseSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(1024, 'Use at most 1024 characters.');
