import { ActionError } from '../action-error';
import type { CallHandlers } from '../dispatch';

type PendingCall =
  | 'crates:overview'
  | 'crates:add-github-config'
  | 'crates:add-gitlab-config'
  | 'crates:delete-config'
  | 'crates:set-trustpub-only'
  | 'crates:retire-tokens';

/**
 * Calls whose contract is in place while their feature is being built (the
 * Crates page). Each feature's module replaces its entries here; this file
 * goes when it is empty.
 */
export function pendingHandlers(): Pick<CallHandlers, PendingCall> {
  const notYet = (): Promise<never> =>
    Promise.reject(new ActionError('internal', 'This part of Cratekeeper is not built yet.'));
  return {
    'crates:overview': notYet,
    'crates:add-github-config': notYet,
    'crates:add-gitlab-config': notYet,
    'crates:delete-config': notYet,
    'crates:set-trustpub-only': notYet,
    'crates:retire-tokens': notYet,
  };
}
