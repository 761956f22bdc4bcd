import { RegistryError, RegistryUnavailableError } from './registry-errors';

/*
 * The words for a registry's refusal, shared by the list's banner and the
 * row actions: the registry's own text with its status, then what happens
 * next. A 429 is a registry asking the app to wait, never "offline".
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

function plural(count: number, unit: string): string {
  return `${String(count)} ${unit}${count === 1 ? '' : 's'}`;
}

/** "in 30 seconds", "in 2 minutes", "in 1 hour": a wait rounded up, so retrying then is never early. */
export function describeWait(ms: number): string {
  if (ms < MINUTE_MS) return `in ${plural(Math.max(1, Math.ceil(ms / SECOND_MS)), 'second')}`;
  if (ms < HOUR_MS) return `in ${plural(Math.ceil(ms / MINUTE_MS), 'minute')}`;
  return `in ${plural(Math.ceil(ms / HOUR_MS), 'hour')}`;
}

/** When to try again after a 429 or 5xx: the registry's Retry-After, or a sensible default. */
export function retryAdvice(error: RegistryError): string {
  if (error.retryAfterMs !== null) return `Try again ${describeWait(error.retryAfterMs)}.`;
  return error.isRateLimited ? 'Try again in a few minutes.' : 'Try again later.';
}

/** A list refresh refused for any reason but the session: the registry's words and status. */
export function listRefusalText(error: RegistryError): string {
  if (error.isRateLimited) {
    return `The registry is limiting requests: ${error.detail} (HTTP 429).`;
  }
  return `The registry answered: ${error.detail} (HTTP ${String(error.status)}).`;
}

/**
 * Why a revocation did not go through, and what happens next; null for
 * errors said elsewhere (a refused session signs the account out).
 */
export function revokeFailureText(error: unknown, host: string): string | null {
  if (error instanceof RegistryError) {
    if (error.isAuthFailure) return null;
    const said = error.isRateLimited
      ? `${host} is limiting requests: ${error.detail} (HTTP 429).`
      : `${host} answered: ${error.detail} (HTTP ${String(error.status)}).`;
    return `${said} The token was not revoked and still works. ${retryAdvice(error)}`;
  }
  if (error instanceof RegistryUnavailableError) {
    return `${error.message} The revocation may not have reached the registry: refresh the list to see whether the token is still there, then try again.`;
  }
  return null;
}
