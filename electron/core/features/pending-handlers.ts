import { ActionError } from '../action-error';
import type { CallHandlers } from '../dispatch';

type PendingCall =
  | 'provider:status'
  | 'provider:connect'
  | 'provider:disconnect'
  | 'provider:set-policy'
  | 'provider:audit'
  | 'provider:pending-approvals'
  | 'provider:approve';

/**
 * Calls whose contract is in place while their feature is being built (the
 * credential provider). Each feature's module replaces its entries here; this
 * file goes when it is empty.
 */
export function pendingHandlers(): Pick<CallHandlers, PendingCall> {
  const notYet = (): Promise<never> =>
    Promise.reject(new ActionError('internal', 'This part of Cratekeeper is not built yet.'));
  return {
    'provider:status': notYet,
    'provider:connect': notYet,
    'provider:disconnect': notYet,
    'provider:set-policy': notYet,
    'provider:audit': notYet,
    'provider:pending-approvals': notYet,
    'provider:approve': notYet,
  };
}
