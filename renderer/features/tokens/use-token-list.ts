import { useCall, type CallState } from '../../api/use-call';
import { useEvent } from '../../api/use-event';

/**
 * The tokens of every signed-in account. Signing in or out changes whose
 * tokens there are, and unlocking the vault makes the sessions readable
 * again, so either change fetches the list again.
 */
export function useTokenList(): CallState<'tokens:list'> {
  const call = useCall('tokens:list', {});
  useEvent('accounts:changed', call.reload);
  useEvent('vault:changed', call.reload);
  return call;
}
