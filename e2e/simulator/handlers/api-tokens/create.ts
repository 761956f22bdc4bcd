import { isValidCratePattern } from '../../../../shared/domain/crate-pattern';
import { isEndpointScope, type EndpointScope } from '../../../../shared/domain/scopes';
import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { ApiError, badRequest } from '../../http/errors';
import { readJsonBody } from '../../http/json-body';
import { ACCOUNT } from '../../http/permission';
import { generateTokenPlaintext, hashToken, type TokenRecord } from '../../models/token';
import { serializeApiTokenWithToken } from '../../serializers/api-token';
import { createTokenBodySchema } from './create-body';

/** NOTES.md: at most 500 tokens per user, revoked ones included. */
export const MAX_TOKENS_PER_USER = 500;

function checkCrateScopes(patterns: string[] | null): string[] | null {
  if (patterns && !patterns.every(isValidCratePattern)) throw badRequest('invalid crate scope');
  return patterns;
}

function checkEndpointScopes(values: string[] | null): EndpointScope[] | null {
  if (values === null) return null;
  const scopes = values.filter(isEndpointScope);
  if (scopes.length !== values.length) throw badRequest('invalid endpoint scope');
  return scopes;
}

/**
 * `PUT /api/v1/me/tokens`: creates a token for the session's user and answers
 * its plaintext, once. Checks in crates.io's order.
 */
export const createApiToken: Route = {
  method: 'PUT',
  path: '/api/v1/me/tokens',
  authenticated: true,
  handle: async (c) => {
    const sim = c.var.sim;
    const at = sim.clock.now().toISOString();
    const { api_token: body } = await readJsonBody(c, createTokenBodySchema, (raw) => {
      sim.createTokenBodies.push({ at, raw });
    });
    if (!sim.tokenCreation.enabled) throw new ApiError(503, sim.tokenCreation.message);
    if (body.name === '') throw badRequest('name must have a value');
    const auth = authorize(c, userCredentials(c), ACCOUNT);
    if (auth.token) throw badRequest('cannot use an API token to create a new API token');
    if (sim.db.tokensOf(auth.user.id).length >= MAX_TOKENS_PER_USER) {
      throw badRequest(`maximum tokens per user is: ${MAX_TOKENS_PER_USER}`);
    }
    const crateScopes = checkCrateScopes(body.crate_scopes ?? null);
    const endpointScopes = checkEndpointScopes(body.endpoint_scopes ?? null);
    const plaintext = generateTokenPlaintext();
    const expiredAt = body.expired_at ?? null;
    const token: TokenRecord = {
      id: sim.db.nextId('token'),
      userId: auth.user.id,
      name: body.name,
      hash: hashToken(plaintext),
      createdAt: sim.clock.now(),
      lastUsedAt: null,
      expiredAt: expiredAt === null ? null : new Date(expiredAt),
      endpointScopes,
      crateScopes,
      revoked: false,
    };
    sim.db.addToken(token);
    return c.json({ api_token: serializeApiTokenWithToken(token, plaintext) });
  },
};
