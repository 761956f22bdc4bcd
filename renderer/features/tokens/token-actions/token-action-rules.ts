import type { TokenView } from '../../../../shared/domain/token';

/** The row's actions in the order of their places on every row. */
export const ROW_ACTION_KINDS = ['regenerate', 'rotate', 'revoke'] as const;
export type TokenActionKind = (typeof ROW_ACTION_KINDS)[number];

/**
 * What a row offers, as the website does (NOTES.md, "The website"): Regenerate
 * on every registry token, Revoke only while it still works. Rotate needs a
 * scoped token (the core creates only scoped ones) that still works. An
 * imported token is managed on its registry's website.
 */
export function availableActionsOf(
  token: Pick<TokenView, 'source' | 'status' | 'endpointScopes'>,
): TokenActionKind[] {
  if (token.source !== 'registry') return [];
  const expired = token.status === 'expired';
  const actions: TokenActionKind[] = ['regenerate'];
  if (!expired && token.endpointScopes !== null) actions.push('rotate');
  if (!expired) actions.push('revoke');
  return actions;
}
