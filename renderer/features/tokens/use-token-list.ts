import { useCall, type CallState } from '../../api/use-call';
import { useEvent } from '../../api/use-event';

/** How far back "Show recently expired" looks, as crates.io's website does. */
export const RECENTLY_EXPIRED_DAYS = 30;

/**
 * The tokens of every signed-in account; with `showRecentlyExpired`, also
 * those that expired within the last {@link RECENTLY_EXPIRED_DAYS} days.
 * Signing in or out changes whose tokens there are, and unlocking the vault
 * makes the sessions readable again, so either change fetches the list again.
 */
export function useTokenList(showRecentlyExpired = false): CallState<'tokens:list'> {
  const call = useCall(
    'tokens:list',
    showRecentlyExpired ? { expiredDays: RECENTLY_EXPIRED_DAYS } : {},
  );
  useEvent('accounts:changed', call.reload);
  useEvent('vault:changed', call.reload);
  return call;
}
