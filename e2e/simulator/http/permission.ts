import { cratePatternMatches } from '../../../shared/domain/crate-pattern';
import type { EndpointScope } from '../../../shared/domain/scopes';
import type { CrateRecord } from '../models/crate';
import type { TokenRecord } from '../models/token';

/**
 * What a request wants to do, as crates.io's `Permission` enum: only the
 * crate actions have an endpoint scope; everything else (the token and user
 * endpoints) is for cookies and legacy tokens only.
 */
export type Permission =
  | { readonly kind: 'account' }
  | { readonly kind: 'publish-new'; readonly crateName: string }
  | { readonly kind: 'publish-update'; readonly krate: CrateRecord }
  | { readonly kind: 'yank'; readonly krate: CrateRecord }
  | { readonly kind: 'unyank'; readonly krate: CrateRecord }
  | { readonly kind: 'change-owners'; readonly krate: CrateRecord }
  /**
   * Trusted-publishing configs and crate settings. `crateName` is what the
   * token's patterns must match; null = every crate the caller owns (a list by
   * `user_id`), where the patterns filter the answer instead of refusing it.
   */
  | { readonly kind: 'trusted-publishing'; readonly crateName: string | null };

export const ACCOUNT: Permission = { kind: 'account' };

/** NOTES.md's scope table: the endpoint scope and crate an action needs. */
export function requirement(permission: Permission): {
  readonly scope: EndpointScope | null;
  readonly crateName: string | null;
} {
  switch (permission.kind) {
    case 'account':
      return { scope: null, crateName: null };
    case 'publish-new':
      return { scope: 'publish-new', crateName: permission.crateName };
    case 'publish-update':
      return { scope: 'publish-update', crateName: permission.krate.name };
    case 'yank':
    case 'unyank':
      return { scope: 'yank', crateName: permission.krate.name };
    case 'change-owners':
      return { scope: 'change-owners', crateName: permission.krate.name };
    case 'trusted-publishing':
      return { scope: 'trusted-publishing', crateName: permission.crateName };
  }
}

/** A legacy token may do anything; a scoped one only what its scopes name. */
export function endpointScopeAllows(token: TokenRecord, scope: EndpointScope | null): boolean {
  if (token.endpointScopes === null) return true;
  if (scope === null) return false;
  return token.endpointScopes.includes(scope);
}

/**
 * No patterns (null or empty) = any crate. With patterns, an endpoint that is
 * not about a crate is refused, exactly as crates.io's `crate_scope_matches`.
 */
export function crateScopeAllows(token: TokenRecord, crateName: string | null): boolean {
  if (token.crateScopes === null || token.crateScopes.length === 0) return true;
  if (crateName === null) return false;
  return token.crateScopes.some((pattern) => cratePatternMatches(pattern, crateName));
}
