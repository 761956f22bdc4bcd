import { z } from 'zod';

const nullableStrings = z.array(z.string()).nullable().optional();

/** `PUT /api/v1/me/tokens`'s body; scopes are checked by the handler, with crates.io's texts. */
export const createTokenBodySchema = z.object({
  api_token: z.object({
    name: z.string(),
    crate_scopes: nullableStrings,
    endpoint_scopes: nullableStrings,
    expired_at: z.iso.datetime({ offset: true }).nullable().optional(),
  }),
});
