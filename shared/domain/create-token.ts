import { z } from 'zod';
import { apiTokenWireSchema } from './api-token';
import { checkCratePattern } from './crate-pattern';
import { ENDPOINT_SCOPES, endpointScopeSchema, type EndpointScope } from './scopes';

/** Only guards the IPC boundary; crates.io itself sets no limit it documents. */
export const MAX_TOKEN_NAME_LENGTH = 200;

const cratePatternSchema = z
  .string()
  .trim()
  .superRefine((pattern, context) => {
    const check = checkCratePattern(pattern);
    if (!check.valid) {
      context.addIssue({ code: 'custom', message: `Pattern "${pattern}": ${check.reason}` });
    }
  });

function firstDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}

/**
 * `tokens:create`'s input: the builder's form, checked with crates.io's
 * server rules (NOTES.md, "Creating a token"), not the website's laxer ones.
 * - name: trimmed, non-empty (`name must have a value`).
 * - at least one endpoint scope: a token without any is a legacy token with
 *   every right, which this app deliberately does not create.
 * - each crate pattern valid for the server; none twice; empty = any crate.
 * - expiresAt: RFC 3339 or null (never). That it lies in the future is
 *   checked by the core against its own clock, since the server does not.
 */
export const createTokenInputSchema = z
  .object({
    accountId: z.string().min(1),
    name: z
      .string()
      .trim()
      .min(1, 'Give the token a name.')
      .max(MAX_TOKEN_NAME_LENGTH, `Use at most ${MAX_TOKEN_NAME_LENGTH} characters for the name.`),
    endpointScopes: z
      .array(endpointScopeSchema)
      .min(1, 'Choose at least one scope: Cratekeeper does not create unscoped (legacy) tokens.'),
    cratePatterns: z.array(cratePatternSchema),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
  .superRefine((input, context) => {
    const scope = firstDuplicate(input.endpointScopes);
    if (scope !== null) {
      context.addIssue({
        code: 'custom',
        path: ['endpointScopes'],
        message: `The scope "${scope}" is chosen twice.`,
      });
    }
    const pattern = firstDuplicate(input.cratePatterns);
    if (pattern !== null) {
      context.addIssue({
        code: 'custom',
        path: ['cratePatterns'],
        message: `The pattern "${pattern}" is listed twice.`,
      });
    }
  });
export type CreateTokenInput = z.output<typeof createTokenInputSchema>;

/** What a new token is made of, whatever asked for it (the builder, or a rotation). */
export interface NewTokenRequest {
  readonly name: string;
  readonly endpointScopes: readonly EndpointScope[];
  /** Empty = any crate. */
  readonly cratePatterns: readonly string[];
  /** RFC 3339, or null for a token that never expires. */
  readonly expiresAt: string | null;
}

/** `PUT /api/v1/me/tokens`'s body, exactly as sent. */
export interface CreateTokenBody {
  readonly api_token: {
    readonly name: string;
    readonly endpoint_scopes: EndpointScope[];
    readonly crate_scopes: string[] | null;
    readonly expired_at: string | null;
  };
}

/**
 * Builds the body crates.io expects from a request:
 * - `name` trimmed;
 * - `endpoint_scopes` in the website's (alphabetical) order whatever order
 *   they were ticked in, each once, so the same choice always sends the same
 *   body;
 * - `crate_scopes` trimmed, in the order the user entered them, each once;
 *   none at all is sent as null ("any crate"), as the website does. A lone `*`
 *   is sent as `["*"]`: the user asked for it explicitly;
 * - `expired_at` as a UTC RFC 3339 time (`toISOString`), or null.
 * Every key is always present, so the server never falls back to a default.
 */
export function createTokenBody(request: NewTokenRequest): CreateTokenBody {
  const patterns = [...new Set(request.cratePatterns.map((pattern) => pattern.trim()))];
  return {
    api_token: {
      name: request.name.trim(),
      endpoint_scopes: ENDPOINT_SCOPES.filter((scope) => request.endpointScopes.includes(scope)),
      crate_scopes: patterns.length === 0 ? null : patterns,
      expired_at: request.expiresAt === null ? null : new Date(request.expiresAt).toISOString(),
    },
  };
}

/** crates.io's answer to a creation: the token's facts plus its plaintext, shown this once. */
export const createTokenResponseSchema = z.object({
  api_token: apiTokenWireSchema.extend({ token: z.string().min(1) }),
});
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;
