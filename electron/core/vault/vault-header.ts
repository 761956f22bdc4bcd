import { z } from 'zod';

/**
 * scrypt cost parameters. The bounds matter because the header is read from
 * disk: a file edited to ask for N = 2^30 must not make the app allocate
 * gigabytes, so anything outside them is refused before deriving a key.
 */
export const scryptParamsSchema = z.object({
  /** CPU/memory cost; a power of two. Memory is about 128 * N * r bytes. */
  N: z
    .int()
    .min(2 ** 10)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.int().min(1).max(16),
  p: z.int().min(1).max(4),
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

/** About one second and 128 MiB on a 2024 laptop; tests pass cheaper ones. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url expected');

export const passphraseHeaderSchema = z.object({
  kind: z.literal('passphrase'),
  kdf: scryptParamsSchema.extend({
    name: z.literal('scrypt'),
    /** Random per vault, base64url; 32 bytes when we create it. */
    salt: base64url.min(22),
  }),
  /** A known value sealed with the derived key: a wrong passphrase fails here, clearly. */
  verifier: z.string().min(1),
});
export type PassphraseHeader = z.infer<typeof passphraseHeaderSchema>;

export const keychainHeaderSchema = z.object({ kind: z.literal('os-keychain') });
export type KeychainHeader = z.infer<typeof keychainHeaderSchema>;

/** What the vault file says about the cipher its records are sealed with. */
export const cipherHeaderSchema = z.discriminatedUnion('kind', [
  keychainHeaderSchema,
  passphraseHeaderSchema,
]);
export type CipherHeader = z.infer<typeof cipherHeaderSchema>;
export type CipherKind = CipherHeader['kind'];
