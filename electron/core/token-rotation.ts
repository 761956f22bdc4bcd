import type { ApiTokenWire } from '../../shared/domain/api-token';
import type { NewTokenRequest } from '../../shared/domain/create-token';
import type { TokenView } from '../../shared/domain/token';
import type { SignedInAccount } from './account-session';
import { ActionError } from './action-error';
import { RegistryError } from './registry-errors';
import { assertFutureExpiry, createRegistryToken, type CreatorDeps } from './token-creator';

export interface RotationResult {
  readonly created: TokenView;
  readonly revokedOld: boolean;
  /** Why the old token is still valid, and what to do; null when all went to plan. */
  readonly message: string | null;
}

/** What the caller does around the revocation of the old token. */
export interface RotationHooks {
  /** After the registry confirmed the old token is gone (forget its secret). */
  readonly revoked: () => Promise<void>;
  /** After the registry refused or could not be asked (e.g. mark a refused session). */
  readonly revokeFailed: (error: unknown) => Promise<void>;
  /**
   * After the new token is created, before the old one is revoked (cargo's
   * credentials follow it): a problem sentence for the answer, or null.
   */
  readonly created?: (created: TokenView) => Promise<string | null>;
}

/** The same name, scopes and patterns as the old token, with the new expiry. */
export function rotationRequest(old: ApiTokenWire, expiresAt: string | null): NewTokenRequest {
  const endpointScopes = old.endpoint_scopes ?? [];
  if (endpointScopes.length === 0) {
    // Cratekeeper never creates an unscoped token, so it cannot re-create one.
    throw new ActionError(
      'invalid-input',
      `"${old.name}" is a legacy token with every right, and Cratekeeper creates only scoped tokens. Create a scoped token for what it is used for, then revoke this one.`,
    );
  }
  return { name: old.name, endpointScopes, cratePatterns: old.crate_scopes ?? [], expiresAt };
}

async function readOldToken(session: SignedInAccount, tokenId: number): Promise<ApiTokenWire> {
  try {
    return await session.client.getToken(tokenId);
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) {
      throw new ActionError(
        'not-found',
        'This token is no longer on the registry (it was revoked): refresh the list.',
      );
    }
    throw error;
  }
}

function revocationProblem(error: unknown): string {
  if (error instanceof RegistryError) {
    const advice = error.isAuthFailure ? '; sign in again first' : '';
    return `the registry answered HTTP ${error.status}: ${error.detail}${advice}`;
  }
  return error instanceof Error ? error.message.replace(/\.$/, '') : 'no answer';
}

/**
 * Regenerates a token: a new one with the same name, scopes and patterns and
 * the new expiry, its secret stored at once; only then is the old one revoked
 * (with the session cookie). If that revocation fails, both stay valid and
 * the result says so: the user has a working new token either way. The
 * creation is never retried (see createRegistryToken).
 */
export async function rotateRegistryToken(
  session: SignedInAccount,
  deps: CreatorDeps,
  tokenId: number,
  expiresAt: string | null,
  hooks: RotationHooks,
): Promise<RotationResult> {
  assertFutureExpiry(expiresAt, deps.now);
  const old = await readOldToken(session, tokenId);
  const created = await createRegistryToken(session, deps, rotationRequest(old, expiresAt));
  const followProblem = (await hooks.created?.(created)) ?? null;
  try {
    await session.client.revokeToken(tokenId);
  } catch (error) {
    await hooks.revokeFailed(error);
    const problem = `The new "${created.name}" is created and its secret stored, but the old token could not be revoked (${revocationProblem(error)}). Both tokens work now: revoke the old one from the list.`;
    return {
      created,
      revokedOld: false,
      message: followProblem ? `${problem} ${followProblem}` : problem,
    };
  }
  await hooks.revoked();
  return { created, revokedOld: true, message: followProblem };
}
