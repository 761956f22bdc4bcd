import { ActionError } from '../action-error';
import { redactSecrets } from '../redact';
import { RegistryError, RegistryUnavailableError } from '../registry-errors';
import { VaultLockedError } from '../vault/secret-cipher';
import { VaultNeedsPassphraseError } from '../vault-service';

export interface RetireResult {
  readonly key: string;
  readonly revoked: boolean;
  /** Why it was not revoked; null when it was. */
  readonly message: string | null;
}

export interface RetireLog {
  error(message: string): void;
}

/** Why one token was not revoked, in the user's words. */
function notRevokedText(error: unknown, log: RetireLog): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof RegistryError) {
    if (error.isAuthFailure) {
      return `The registry refused the session (${error.detail}): sign in again. The token was not revoked.`;
    }
    return `The registry answered: ${error.detail} (HTTP ${String(error.status)}). The token was not revoked.`;
  }
  if (
    error instanceof RegistryUnavailableError ||
    error instanceof VaultLockedError ||
    error instanceof VaultNeedsPassphraseError
  ) {
    return error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  log.error(`crates:retire-tokens failed for one token: ${redactSecrets(detail)}`);
  return 'Something went wrong inside Cratekeeper; the token may not have been revoked. The log has details.';
}

/**
 * Revokes the tokens one after the other with the existing revoke path, so
 * each gets the same confirmation and clean-up as a single revoke; one
 * failing does not stop the others, and each result says what happened.
 */
export async function retireTokens(
  keys: readonly string[],
  revoke: (key: string) => Promise<void>,
  log: RetireLog,
): Promise<RetireResult[]> {
  const results: RetireResult[] = [];
  for (const key of new Set(keys)) {
    try {
      await revoke(key);
      results.push({ key, revoked: true, message: null });
    } catch (error) {
      results.push({ key, revoked: false, message: notRevokedText(error, log) });
    }
  }
  return results;
}
