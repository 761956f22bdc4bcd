import { z } from 'zod';
import { CRATES_IO_REGISTRY_NAME, registryNameSchema } from './registry-name';

export { CRATES_IO_REGISTRY_NAME };

/**
 * The registry names earlier versions stored (letters, digits, - and _):
 * kept for reading what is on disk. New input is checked with cargo's own
 * rules (`registryNameSchema`).
 */
export const cargoRegistryNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use the name from cargo config: letters, digits, - and _.');

/** The same rule as a pattern, for checks made by hand (thousands of stored tokens at start). */
export const CARGO_REGISTRY_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** crates.io tokens: `cio` + 32 ASCII alphanumerics (NOTES.md). */
export const CRATES_IO_TOKEN = /^cio[A-Za-z0-9]{32}$/;

/** cargo accepts printable ASCII and tab in a token (cargo/NOTES.md). */
const CARGO_TOKEN = /^[\x20-\x7E\t]+$/;

export const importTokenInputSchema = z
  .object({
    registryName: registryNameSchema,
    name: z.string().trim().min(1, 'Give the token a name.').max(200),
    token: z
      .string()
      .trim()
      .min(1, 'Paste the token.')
      .max(4096)
      .regex(CARGO_TOKEN, 'A cargo token is printable ASCII only.'),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.registryName === CRATES_IO_REGISTRY_NAME && !CRATES_IO_TOKEN.test(value.token)) {
      context.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'A crates.io token starts with "cio" followed by 32 letters and digits.',
      });
    }
  });
export type ImportTokenInput = z.infer<typeof importTokenInputSchema>;
