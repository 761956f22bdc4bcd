import { ActionError } from '../action-error';
import { RegistryError, RegistryUnavailableError } from '../registry-errors';
import { retryAdvice } from '../registry-messages';

/**
 * crates.io's answer to a cookie that is no session (or no longer one). Its
 * trusted-publishing endpoints answer other 401s and 403s that are not about
 * the session at all (an unverified e-mail, GitHub's own session, "only
 * owners..."): those must not sign the account out.
 */
const SESSION_REFUSED = 'this action requires authentication';

export function isSessionRefusal(error: unknown): error is RegistryError {
  return error instanceof RegistryError && error.isAuthFailure && error.detail === SESSION_REFUSED;
}

/**
 * What the user reads when a change (a configuration, the switch) did not go
 * through. A refusal of the request itself (4xx) is the registry's own text,
 * word for word: crates.io's texts say exactly what to fix. A registry
 * limiting requests or failing (429, 5xx) gets its status and when to retry;
 * a lost connection says the change may or may not have been made. Errors
 * that are already the user's words pass through.
 */
export function changeFailure(error: unknown, host: string): unknown {
  if (error instanceof RegistryError) {
    if (error.isRateLimited) {
      return new ActionError(
        'registry-error',
        `${host} is limiting requests: ${error.detail} (HTTP 429). ${retryAdvice(error)}`,
      );
    }
    if (error.status >= 500) {
      return new ActionError(
        'registry-error',
        `${host} answered: ${error.detail} (HTTP ${String(error.status)}). ${retryAdvice(error)}`,
      );
    }
    return new ActionError('registry-error', error.detail);
  }
  if (error instanceof RegistryUnavailableError) {
    return new ActionError(
      'network',
      `${error.message} The change may not have reached the registry: refresh to see whether it did.`,
    );
  }
  return error;
}
