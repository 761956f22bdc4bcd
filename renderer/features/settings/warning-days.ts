import { useMemo } from 'react';
import { classifyToken, widestWarningDay } from '../../../shared/domain/expiry';
import type { TokenView } from '../../../shared/domain/token';
import { useCall } from '../../api/use-call';

/** The user's warning days, or undefined until known (or when they cannot be read). */
export function useWarningDays(): readonly number[] | undefined {
  const call = useCall('settings:get', {});
  return call.value?.settings.warningDays;
}

/**
 * The list's statuses under the user's warning days (the shared expiry model:
 * "expiring" once the widest threshold is crossed), judged at the moment the
 * list was fetched, on the core's clock as the core judged "expired". A token
 * whose status stays is the same object, so its memoised row does not render.
 */
export function withWarningDays(
  tokens: readonly TokenView[],
  warningDays: readonly number[] | undefined,
  fetchedAt: string | undefined,
  /** The widest warning day the core judged the list with, when it said. */
  judgedWithinDays?: number,
): readonly TokenView[] {
  if (warningDays === undefined || fetchedAt === undefined) return tokens;
  const warnWithin = widestWarningDay(warningDays);
  // The core judged with the same days: nothing can change (thousands of tokens not walked again).
  if (judgedWithinDays === warnWithin) return tokens;
  const at = new Date(fetchedAt);
  const result: TokenView[] = [];
  let changed = false;
  for (const token of tokens) {
    // Without an expiry the warning days change nothing; and "expired" stays.
    if (token.expiresAt === null || token.status === 'expired') {
      result.push(token);
      continue;
    }
    // As the core classifies them: an imported token's unknown scopes are not "legacy".
    const facts = {
      expiresAt: token.expiresAt,
      endpointScopes: token.source === 'imported' ? [] : token.endpointScopes,
    };
    const status = classifyToken(facts, at, warnWithin);
    if (status === token.status || status === 'expired') {
      result.push(token);
    } else {
      changed = true;
      result.push({ ...token, status });
    }
  }
  return changed ? result : tokens;
}

/** {@link withWarningDays}, kept while its inputs stay. */
export function useTokensWithWarningDays(
  tokens: readonly TokenView[],
  fetchedAt: string | undefined,
  judgedWithinDays?: number,
): readonly TokenView[] {
  const warningDays = useWarningDays();
  return useMemo(
    () => withWarningDays(tokens, warningDays, fetchedAt, judgedWithinDays),
    [tokens, warningDays, fetchedAt, judgedWithinDays],
  );
}
