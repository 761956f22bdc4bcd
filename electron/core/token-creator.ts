import type { ApiTokenWire } from '../../shared/domain/api-token';
import { createTokenBody, type NewTokenRequest } from '../../shared/domain/create-token';
import { tokenKeyOf, type TokenView } from '../../shared/domain/token';
import type { FailureCode } from '../../shared/ipc/result';
import type { SignedInAccount } from './account-session';
import { ActionError } from './action-error';
import type { CreatedToken, RegistryClient } from './registry-client';
import { RegistryError } from './registry-errors';
import { toTokenView } from './token-lister';
import { tokenSecretId } from './token-secrets';
import type { VaultService } from './vault-service';

/** Refuses an expiry that is not in the future: crates.io does not check it (NOTES.md), the website does. */
export function assertFutureExpiry(expiresAt: string | null, now: Date): void {
  if (expiresAt !== null && new Date(expiresAt).getTime() <= now.getTime()) {
    throw new ActionError(
      'invalid-input',
      'That expiry date has already passed: choose a later one, or no expiry.',
    );
  }
}

/**
 * A 4xx is the registry's considered refusal: nothing was created and its text
 * says why. Anything else (no answer, a 5xx, an unreadable answer) leaves the
 * outcome unknown: the token may exist.
 */
function isDefinitiveRefusal(error: unknown): boolean {
  return error instanceof RegistryError && error.status < 500;
}

function whatWentWrong(error: unknown): { cause: string; code: FailureCode } {
  if (error instanceof RegistryError) {
    return {
      cause: `the registry answered HTTP ${error.status}: ${error.detail}`,
      code: 'registry-error',
    };
  }
  return {
    cause: error instanceof Error ? error.message.replace(/\.$/, '') : 'the answer was lost',
    code: 'network',
  };
}

/**
 * The answer to a creation was lost. It is NOT sent again (PRODUCT.md: a
 * creation is not idempotent). Instead the list says what happened: a token
 * of that name that was not there before the request is the one just made.
 */
async function explainLostAnswer(
  client: RegistryClient,
  name: string,
  knownIds: ReadonlySet<number>,
  error: unknown,
): Promise<Error> {
  const { cause, code } = whatWentWrong(error);
  let after: ApiTokenWire[];
  try {
    after = await client.listTokens();
  } catch {
    return new ActionError(
      code,
      `The registry may have created "${name}": the answer was lost (${cause}) and the token list could not be read to check. Nothing was sent again: check the token list before creating it once more.`,
    );
  }
  const made = after.some((token) => token.name === name && !knownIds.has(token.id));
  if (made) {
    return new ActionError(
      code,
      `The registry created "${name}", but its secret was lost in transit (${cause}), so nobody can use it. Revoke it in the list and create the token again.`,
    );
  }
  // Confirmed not created: a server error is then just that, in the server's own words.
  if (error instanceof RegistryError) return error;
  return new ActionError(
    code,
    `The answer to creating "${name}" was lost (${cause}) and the registry lists no new token of that name, so it was most likely not created. Nothing was sent again: refresh the list, then try once more.`,
  );
}

export interface CreatorDeps {
  readonly vault: VaultService;
  readonly now: Date;
}

/**
 * Creates a token on the registry and seals its secret in the vault at once.
 * The secret is never returned, logged or put into an error: the renderer
 * gets it only through an explicit `tokens:reveal`.
 *
 * Order matters: the vault must be usable before anything is created (a
 * secret that cannot be kept would be lost), and the ids of tokens already
 * bearing the name are noted first, so a lost answer can be told apart from
 * an older namesake.
 */
export async function createRegistryToken(
  { account, client }: SignedInAccount,
  { vault: vaultService, now }: CreatorDeps,
  request: NewTokenRequest,
): Promise<TokenView> {
  assertFutureExpiry(request.expiresAt, now);
  const vault = vaultService.get();
  const body = createTokenBody(request);
  const { name } = body.api_token;
  const before = await client.listTokens();
  const knownIds = new Set(before.filter((token) => token.name === name).map((token) => token.id));

  let created: CreatedToken;
  try {
    created = await client.createToken(body);
  } catch (error) {
    if (isDefinitiveRefusal(error)) throw error;
    throw await explainLostAnswer(client, name, knownIds, error);
  }

  const { token: secret, ...facts } = created;
  const key = tokenKeyOf(account.id, facts.id);
  try {
    await vault.put(tokenSecretId(key), 'token', secret);
  } catch {
    throw new ActionError(
      'internal',
      `The registry created "${name}", but Cratekeeper could not store its secret, so it is lost. Revoke it in the list and create it again.`,
    );
  }
  return toTokenView(account, facts, now, true);
}
