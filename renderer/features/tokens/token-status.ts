import type { TokenStatus } from '../../../shared/domain/expiry';
import type { TokenView } from '../../../shared/domain/token';
import {
  ENDPOINT_SCOPES,
  ENDPOINT_SCOPE_DESCRIPTIONS,
  type EndpointScope,
} from '../../../shared/domain/scope-names';
import type { Tone } from '../../components/tone';

/**
 * A status as the list shows it: the core's, or for an imported token whose
 * expiry the user did not give, "expiry not known" (the core files it under
 * no-expiry, which would claim a fact nobody knows).
 */
export type ShownStatus = TokenStatus | 'expiry-unknown';

/** The status a row's chip shows. */
export function shownStatusOf(
  token: Pick<TokenView, 'source' | 'status' | 'expiresAt'>,
): ShownStatus {
  if (token.source === 'imported' && token.expiresAt === null) return 'expiry-unknown';
  return token.status;
}

/** How a status chip looks and what its tooltip explains. */
export interface StatusPresentation {
  readonly label: string;
  readonly tone: Tone;
  readonly description: string;
}

const STATUS_PRESENTATION: Readonly<Record<ShownStatus, StatusPresentation>> = {
  'expiry-unknown': {
    // Short, to fit the Status column; the hint says whose expiry and why.
    label: 'Not known',
    tone: 'neutral',
    description:
      'Expiry not known: imported without an expiry date, so Cratekeeper cannot warn before it expires. Import it again with its date to get warnings.',
  },
  expired: {
    label: 'Expired',
    tone: 'danger',
    description: 'This token no longer works. Regenerate it to keep publishing.',
  },
  expiring: {
    label: 'Expiring',
    tone: 'warning',
    description: 'This token expires soon. Regenerate it before cargo publish starts failing.',
  },
  legacy: {
    label: 'Legacy',
    tone: 'caution',
    description:
      'This token has no scopes: it can do everything your account can, on every crate. Replace it with a scoped token.',
  },
  'no-expiry': {
    label: 'No expiry',
    tone: 'neutral',
    description: 'This token never expires. An expiry date limits the damage if it ever leaks.',
  },
  active: {
    label: 'Active',
    tone: 'success',
    description: 'This token is scoped and valid until its expiry date.',
  },
};

/** Label, tone and explanation of a token's status. */
export function statusPresentation(status: ShownStatus): StatusPresentation {
  return STATUS_PRESENTATION[status];
}

/** One chip of the Endpoint scopes column. */
export interface ScopeChip {
  readonly label: string;
  readonly description: string;
  /** Set for chips that warn rather than describe. */
  readonly tone?: Tone;
}

export const LEGACY_SCOPE_CHIP: ScopeChip = {
  label: 'legacy: all rights',
  description:
    'A legacy token without endpoint scopes: it can publish, yank and change owners of every crate you own.',
  tone: 'caution',
};

/**
 * The chips of the Endpoint scopes column, in the website's order. `null`
 * scopes mean a legacy token, which gets one warning chip instead.
 */
export function scopeChipsOf(scopes: readonly EndpointScope[] | null): readonly ScopeChip[] {
  if (scopes === null) return [LEGACY_SCOPE_CHIP];
  return ENDPOINT_SCOPES.filter((scope) => scopes.includes(scope)).map((scope) => ({
    label: scope,
    description: ENDPOINT_SCOPE_DESCRIPTIONS[scope],
  }));
}

/** The Endpoint scopes cell: chips, or "not known" for an imported token. */
export type ScopeCell =
  | { readonly kind: 'chips'; readonly chips: readonly ScopeChip[] }
  | { readonly kind: 'unknown'; readonly description: string };

/**
 * For a token the user imported, `null` scopes mean the app was never told
 * them, not that the token is legacy; saying "all rights" would be a guess.
 */
export function scopeCellOf(token: Pick<TokenView, 'source' | 'endpointScopes'>): ScopeCell {
  if (token.source === 'imported' && token.endpointScopes === null) {
    return {
      kind: 'unknown',
      description: 'Imported token: its registry did not list it, so its scopes are not known.',
    };
  }
  return { kind: 'chips', chips: scopeChipsOf(token.endpointScopes) };
}
