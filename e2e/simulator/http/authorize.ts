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
  if (!crateScopeAllows(token, crateName)) {
    throw forbidden(AUTH_MESSAGES.missingPermissions, 'Crate scope mismatch');
  }
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
  const token = credentials.kind === 'token' ? lookUpToken(c, credentials.hash) : null;
  const user =
    credentials.kind === 'cookie' ? credentials.user : c.var.sim.db.userById(token?.userId ?? -1);
  if (!user) throw new Error('token without a user');
  const adminMayAct = permission.kind === 'yank' || permission.kind === 'unyank';
  if (user.isAdmin && adminMayAct) return { user, token };
  checkUser(user, permission);
  if (token) checkTokenScopes(token, permission);
  return { user, token };
}
