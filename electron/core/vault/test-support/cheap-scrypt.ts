import type { ScryptParams } from '../vault-header';

/** The lowest cost the header accepts: milliseconds instead of a second per derivation. */
export const CHEAP_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
