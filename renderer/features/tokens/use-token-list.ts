import { useCall, type CallState } from '../../api/use-call';
import { useEvent } from '../../api/use-event';

/**
 * The tokens of every signed-in account. Signing in or out changes whose
 * tokens there are, so an account change fetches the list again.
 */
export function useTokenList(): CallState<'tokens:list'> {
  const call = useCall('tokens:list', {});
  useEvent('accounts:changed', call.reload);
  return call;
}
