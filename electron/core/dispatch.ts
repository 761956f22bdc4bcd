import {
  ipcCalls,
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
} from '../../shared/ipc/contract';
import { failure, success, type Result } from '../../shared/ipc/result';
import { ActionError } from './action-error';
import { RegistryError, RegistryUnavailableError } from './registry-errors';
import { SignInCancelledError } from './ports';
import { redactSecrets } from './redact';
import { VaultLockedError, WrongPassphraseError } from './vault/secret-cipher';
import { SecretNotFoundError } from './vault/vault';
import { VaultNeedsPassphraseError } from './vault-service';

/** One implementation per contract call. */
export type CallHandlers = {
  readonly [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>>;
};

export interface DispatchLog {
  error(message: string): void;
}

/**
 * The single entry point for every call from a renderer, whatever the
 * transport (Electron IPC or the harness's loopback HTTP): it validates the
 * input against the contract, runs the handler and turns any error into an
 * explicit failure value. Input that fails validation never reaches the core.
 */
export async function dispatchCall(
  handlers: CallHandlers,
  name: string,
  rawInput: unknown,
  log: DispatchLog = console,
): Promise<Result<unknown>> {
  if (!isCallName(name)) return failure('invalid-input', `Unknown call "${name}".`);
  const parsed = ipcCalls[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return failure(
      'invalid-input',
      `Invalid input for ${name}: ${(parsed.error.issues[0]?.message ?? 'rejected').replace(/\.$/, '')}.`,
    );
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const output = ipcCalls[name].output.safeParse(await handler(parsed.data));
    if (!output.success) {
      log.error(`${name} produced an answer that does not match the contract.`);
      return failure('internal', 'Something went wrong inside Cratekeeper; the log has details.');
    }
    // Only the parsed value goes out: fields the contract does not declare are stripped.
    return success(output.data);
  } catch (error) {
    return toFailure(name, error, log);
  }
}

function toFailure(name: CallName, error: unknown, log: DispatchLog): Result<never> {
  if (error instanceof ActionError) return failure(error.code, error.message);
  if (error instanceof RegistryError) {
    return failure(error.isAuthFailure ? 'signed-out' : 'registry-error', error.detail);
  }
  if (error instanceof RegistryUnavailableError) return failure('network', error.message);
  if (error instanceof SignInCancelledError) return failure('cancelled', error.message);
  if (error instanceof VaultLockedError || error instanceof VaultNeedsPassphraseError) {
    return failure('locked', error.message);
  }
  if (error instanceof WrongPassphraseError) return failure('invalid-input', error.message);
  if (error instanceof SecretNotFoundError) {
    return failure('not-found', 'Cratekeeper does not hold the secret of this token.');
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`${name} failed: ${redactSecrets(message)}`);
  return failure('internal', 'Something went wrong inside Cratekeeper; the log has details.');
}
