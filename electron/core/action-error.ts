import type { FailureCode } from '../../shared/ipc/result';

/**
 * A token action's outcome in words for the user, with the failure code the
 * renderer acts on. Messages name what happened and what to do next; they
 * never carry a secret.
 */
export class ActionError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
