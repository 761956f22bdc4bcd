import { isTokenActive, type TokenRecord } from '../models/token';
import type { UserRecord } from '../models/user';
import { AUTH_MESSAGES } from './auth-messages';
import type { Credentials } from './credentials';
import type { SimContext } from './env';
import { badRequest, forbidden } from './errors';
import { crateScopeAllows, endpointScopeAllows, requirement, type Permission } from './permission';

export interface Authorized {
  readonly user: UserRecord;
  /** The token used, or null for the session cookie. */
  readonly token: TokenRecord | null;
}

const MISSING_RIGHTS =
  "this crate exists but you don't seem to be an owner. If you believe this is a mistake, perhaps you need to accept an invitation to be an owner before publishing.";
const UNVERIFIED_EMAIL =
  'A verified email address is required to publish crates to crates.io. Visit https://crates.io/settings/profile to set and verify your email address.';

function isOwner(user: UserRecord, permission: Permission): boolean {
  return 'krate' in permission && permission.krate.ownerIds.includes(user.id);
}

/** crates.io's `check_email_verification` and `check_crate_rights`, in that order. */
function checkUser(user: UserRecord, permission: Permission): void {
  // Trusted publishing checks ownership itself, later and with its own texts (NOTES.md).
  if (permission.kind === 'trusted-publishing') return;
  const publishing = permission.kind === 'publish-new' || permission.kind === 'publish-update';
  if (publishing && !user.emailVerified) throw badRequest(UNVERIFIED_EMAIL);
  if (permission.kind === 'account' || permission.kind === 'publish-new') return;
  if (isOwner(user, permission)) return;
  if (permission.kind === 'publish-update') throw forbidden(MISSING_RIGHTS);
  if (permission.kind === 'change-owners') {
    throw forbidden('only owners have permission to modify owners');
  }
  throw forbidden('must already be an owner to yank or unyank');
}

function lookUpToken(c: SimContext, hash: string): TokenRecord {
  const sim = c.var.sim;
  const now = sim.clock.now();
  const token = sim.db.tokenByHash(hash);
  if (!token || !isTokenActive(token, now)) {
    throw forbidden(AUTH_MESSAGES.failed, token ? 'revoked or expired token' : 'unknown token');
  }
  // NOTES.md: every successful token authentication updates last_used_at.
  token.lastUsedAt = now;
  const attempt = c.get('auth');
  if (attempt) Object.assign(attempt, { tokenId: token.id, userId: token.userId });
  return token;
}

function checkTokenScopes(token: TokenRecord, permission: Permission): void {
  const { scope, crateName } = requirement(permission);
  if (!endpointScopeAllows(token, scope)) {
    throw forbidden(AUTH_MESSAGES.missingPermissions, 'Endpoint scope mismatch');
  }
  // crates.io's `allow_any_crate_scope`: a list over all the caller's crates filters by patterns.
  const anyCrate = permission.kind === 'trusted-publishing' && crateName === null;
  if (!anyCrate && !crateScopeAllows(token, crateName)) {
    throw forbidden(AUTH_MESSAGES.missingPermissions, 'Crate scope mismatch');
  }
}

/**
 * The token's own rights, nothing about the user: what crates.io's `AuthCheck`
 * checks before an endpoint's own rules (publishing a trustpub_only crate).
 */
export function authenticateWithScopes(
  c: SimContext,
  credentials: Credentials,
  permission: Permission,
): Authorized {
  const authorized = identify(c, credentials);
  if (authorized.token) checkTokenScopes(authorized.token, permission);
  return authorized;
}

/**
 * crates.io's `reject_legacy_tokens`: a token without endpoint scopes (crate
 * patterns or not) is refused; the cookie and scoped tokens pass.
 */
export function rejectLegacyToken(token: TokenRecord | null): void {
  if (token?.endpointScopes === null) {
    throw forbidden(AUTH_MESSAGES.legacyRefused, 'legacy token refused');
  }
}

/** Who is calling: the cookie's user, or the (active) token and its owner. */
function identify(c: SimContext, credentials: Credentials): Authorized {
  const token = credentials.kind === 'token' ? lookUpToken(c, credentials.hash) : null;
  const user =
    credentials.kind === 'cookie' ? credentials.user : c.var.sim.db.userById(token?.userId ?? -1);
  if (!user) throw new Error('token without a user');
  return { user, token };
}

/**
 * Validates credentials for one action, as crates.io's `AuthorizedUser::validate`:
 * token lookup, admin shortcut for (un)yank, e-mail and owner checks, then scopes.
 */
export function authorize(
  c: SimContext,
  credentials: Credentials,
  permission: Permission,
): Authorized {
  const { user, token } = identify(c, credentials);
  const adminMayAct = permission.kind === 'yank' || permission.kind === 'unyank';
  if (user.isAdmin && adminMayAct) return { user, token };
  checkUser(user, permission);
  if (token) checkTokenScopes(token, permission);
  return { user, token };
}
