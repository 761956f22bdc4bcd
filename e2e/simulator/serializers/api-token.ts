import type { TokenRecord } from '../models/token';
import { rfc3339, rfc3339OrNull } from './time';

/** openapi.json `ApiToken`: never the secret. */
export function serializeApiToken(token: TokenRecord) {
  return {
    id: token.id,
    name: token.name,
    created_at: rfc3339(token.createdAt),
    last_used_at: rfc3339OrNull(token.lastUsedAt),
    expired_at: rfc3339OrNull(token.expiredAt),
    endpoint_scopes: token.endpointScopes,
    crate_scopes: token.crateScopes,
  };
}

/** openapi.json `ApiTokenWithToken`: the only answer that carries the plaintext. */
export function serializeApiTokenWithToken(token: TokenRecord, plaintext: string) {
  return { ...serializeApiToken(token), token: plaintext };
}
