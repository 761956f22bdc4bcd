import { ActionError } from '../action-error';
import type { CallHandlers } from '../dispatch';

type PendingCall = 'cargo:status' | 'cargo:plan' | 'cargo:write' | 'cargo:remove' | 'cargo:import';

/**
 * Calls whose contract is in place while their feature is being built (the
 * expiry watch and the cargo hand-off). Each feature's module replaces its
 * entries here; this file goes when it is empty.
 */
export function pendingHandlers(): Pick<CallHandlers, PendingCall> {
  const notYet = (): Promise<never> =>
    Promise.reject(new ActionError('internal', 'This part of Cratekeeper is not built yet.'));
  return {
    'cargo:status': notYet,
    'cargo:plan': notYet,
    'cargo:write': notYet,
    'cargo:remove': notYet,
    'cargo:import': notYet,
  };
}
