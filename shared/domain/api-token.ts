import { z } from 'zod';
import { endpointScopeSchema } from './scopes';

const timestamp = z.iso.datetime({ offset: true });

/** crates.io's `ApiToken` as it comes over the wire (openapi.json, components.schemas.ApiToken). */
export const apiTokenWireSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  created_at: timestamp,
  last_used_at: timestamp.nullable().optional(),
  expired_at: timestamp.nullable().optional(),
  endpoint_scopes: z.array(endpointScopeSchema).nullable().optional(),
  crate_scopes: z.array(z.string()).nullable().optional(),
});
export type ApiTokenWire = z.infer<typeof apiTokenWireSchema>;

/** `GET /api/v1/me/tokens` answer. */
export const listTokensResponseSchema = z.object({ api_tokens: z.array(apiTokenWireSchema) });

/** crates.io's `{"errors":[{"detail":"..."}]}` envelope. */
export const apiErrorResponseSchema = z.object({
  errors: z.array(z.object({ detail: z.string() })),
});

/** `GET /api/v1/me` answer, the parts the app uses. */
export const meResponseSchema = z.object({
  user: z.object({
    id: z.number().int(),
    login: z.string(),
    name: z.string().nullable().optional(),
    avatar: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
  }),
  owned_crates: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
