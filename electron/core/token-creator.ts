import type { ApiTokenWire } from '../../shared/domain/api-token';
import { createTokenBody, type NewTokenRequest } from '../../shared/domain/create-token';
import { tokenKeyOf, type TokenView } from '../../shared/domain/token';
import type { FailureCode } from '../../shared/ipc/result';
import type { SignedInAccount } from './account-session';
import { ActionError } from './action-error';
import type { CreationLedger } from './creation-ledger';
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

/** "2026-11-29 12:40 UTC": when a token was made, to tell namesakes apart in the list. */
function createdAtText(token: ApiTokenWire): string {
  return `${token.created_at.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The answer to a creation was lost. It is NOT sent again (PRODUCT.md: a
 * creation is not idempotent). Instead the list says what happened: the
 * tokens of that name whose ids appeared since the request, less those whose
 * answers reached this app (its own concurrent creations). One such token is
 * the one just made, named by id and creation time; several cannot be told
 * apart, and the message says so rather than guess.
 */
async function explainLostAnswer(
  { client, accountId, name, idsBefore, ledger }: LostAnswerContext,
  error: unknown,
): Promise<Error> {
  const { cause, code } = whatWentWrong(error);
  let after: ApiTokenWire[];
  let answered: ReadonlySet<number>;
  try {
    answered = await ledger.answeredIds(accountId);
    after = await client.listTokens();
  } catch {
    return new ActionError(
      code,
      `The registry may have created "${name}": the answer was lost (${cause}) and the token list could not be read to check. Nothing was sent again: check the token list before creating it once more.`,
    );
  }
  const appeared = after.filter(
    (token) => token.name === name && !idsBefore.has(token.id) && !answered.has(token.id),
  );
  const [only] = appeared;
  if (appeared.length === 1 && only) {
    return new ActionError(
      code,
      `The registry created "${name}" (id ${only.id}, created ${createdAtText(only)}), but its secret was lost in transit (${cause}), so nobody can use it. Revoke that one in the list (check the creation time: other tokens may share the name) and create the token again.`,
    );
  }
  if (appeared.length > 1) {
    const which = appeared
      .map((token) => `id ${token.id}, created ${createdAtText(token)}`)
      .join('; ');
    return new ActionError(
      code,
      `The answer to creating "${name}" was lost (${cause}), and ${appeared.length} new tokens of that name appeared on the registry meanwhile (${which}). Cratekeeper cannot tell which one this request made, so it names none to revoke: keep the ones made elsewhere, revoke the others, and create the token again. Nothing was sent again.`,
    );
  }
  // Confirmed not created: a server error is then just that, in the server's own words.
  if (error instanceof RegistryError) return error;
  return new ActionError(
    code,
    `The answer to creating "${name}" was lost (${cause}) and the registry lists no new token of that name, so it was most likely not created. Nothing was sent again: refresh the list, then try once more.`,
  );
}

interface LostAnswerContext {
  readonly client: RegistryClient;
  readonly accountId: string;
  readonly name: string;
  /** Every id listed before the request was sent. */
  readonly idsBefore: ReadonlySet<number>;
  readonly ledger: CreationLedger;
}

export interface CreatorDeps {
  readonly vault: VaultService;
  readonly now: Date;
  /** The app's creations in flight, so a lost answer is not confused with a concurrent one. */
  readonly ledger: CreationLedger;
}

/**
 * Creates a token on the registry and seals its secret in the vault at once.
 * The secret is never returned, logged or put into an error: the renderer
 * gets it only through an explicit `tokens:reveal`.
 *
 * Order matters: the vault must be usable before anything is created (a
 * secret that cannot be kept would be lost), and the ids already listed are
 * noted first, so a lost answer can be told apart from an older namesake.
 */
export async function createRegistryToken(
  { account, client }: SignedInAccount,
  { vault: vaultService, now, ledger }: CreatorDeps,
  request: NewTokenRequest,
): Promise<TokenView> {
  assertFutureExpiry(request.expiresAt, now);
  const vault = vaultService.get();
  const body = createTokenBody(request);
  const { name } = body.api_token;
  const idsBefore = new Set((await client.listTokens()).map((token) => token.id));

  let created: CreatedToken;
  try {
    const attempt = client.createToken(body);
    ledger.track(account.id, attempt);
    created = await attempt;
  } catch (error) {
    if (isDefinitiveRefusal(error)) throw error;
    throw await explainLostAnswer(
      { client, accountId: account.id, name, idsBefore, ledger },
      error,
    );
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
