import type { TokenView } from '../../../../shared/domain/token';

/** The row's actions. */
export const TOKEN_ACTION_KINDS = ['regenerate', 'rotate', 'revoke', 'forget'] as const;
export type TokenActionKind = (typeof TOKEN_ACTION_KINDS)[number];

/**
 * The places of a row's actions, in order, and what may fill each: Revoke and
 * Forget (an imported token's way out) share the last, as both take the token
 * off the list.
 */
export const ROW_ACTION_SLOTS: readonly (readonly TokenActionKind[])[] = [
  ['regenerate'],
  ['rotate'],
  ['revoke', 'forget'],
];

/**
 * What a row offers, as the website does (NOTES.md, "The website"): Regenerate
 * on every registry token, Revoke only while it still works. Rotate needs a
 * scoped token (the core creates only scoped ones) that still works. An
 * imported token is managed on its registry's website; the app can only
 * forget it (its row and its secret).
 */
export function availableActionsOf(
  token: Pick<TokenView, 'source' | 'status' | 'endpointScopes'>,
): TokenActionKind[] {
  if (token.source !== 'registry') return ['forget'];
  const expired = token.status === 'expired';
  const actions: TokenActionKind[] = ['regenerate'];
  if (!expired && token.endpointScopes !== null) actions.push('rotate');
  if (!expired) actions.push('revoke');
  return actions;
}
