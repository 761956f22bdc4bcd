import {
  DEFAULT_EXPIRY_CHOICE,
  EXPIRY_PRESET_DAYS,
  type ExpiryPresetDays,
} from '../../../shared/domain/expiry-presets';
import type { BuilderPrefill } from '../../../shared/domain/cargo-provider';
import type { TokenView } from '../../../shared/domain/token';
import type { ExpiryDraft, NewTokenForm } from './new-token-form';

const DAY_MS = 86_400_000;

/** How far (in days) a token's lifetime may be from a preset and still count as that preset. */
const PRESET_TOLERANCE_DAYS = 1;

/**
 * The expiry to offer when regenerating: the old token's preset when its
 * lifetime (created → expiry) was within a day of one (DST and clock skew make
 * it rarely exact), "No expiration" when it never expired, else the default
 * 90 days. A custom date is never copied: it would lie in the past by now.
 */
export function prefillExpiry(createdAt: string, expiresAt: string | null): ExpiryDraft {
  if (expiresAt === null) return { kind: 'none' };
  const lifetimeDays = (Date.parse(expiresAt) - Date.parse(createdAt)) / DAY_MS;
  if (!Number.isFinite(lifetimeDays)) return DEFAULT_EXPIRY_CHOICE;
  const preset = EXPIRY_PRESET_DAYS.find(
    (days: ExpiryPresetDays) => Math.abs(lifetimeDays - days) <= PRESET_TOLERANCE_DAYS,
  );
  return preset === undefined ? DEFAULT_EXPIRY_CHOICE : { kind: 'days', days: preset };
}

/** "NAME (2)" for NAME, "NAME (3)" for "NAME (2)": the name a regenerated token is offered. */
export function nextName(name: string): string {
  const numbered = /^(.*) \((\d+)\)$/.exec(name);
  if (numbered === null) return `${name} (2)`;
  const [, base = name, count = '1'] = numbered;
  return `${base} (${String(Number(count) + 1)})`;
}

/**
 * The builder prefilled from an existing token, as "Regenerate" opens it:
 * same account, name, scopes and patterns, and a comparable expiry. A legacy
 * token has no scopes to copy: the user must choose some, since this app
 * does not create unscoped tokens.
 */
export function prefillFromToken(source: TokenView, fallbackAccountId: string): NewTokenForm {
  return {
    accountId: source.accountId ?? fallbackAccountId,
    // The old token still works (Regenerate does not revoke it), so its own name would at once
    // draw the builder's "already has this name" warning; an expired one's name is free again.
    name: source.status === 'expired' ? source.name : nextName(source.name),
    endpointScopes: source.endpointScopes ?? [],
    cratePatterns: source.cratePatterns ?? [],
    expiry: prefillExpiry(source.createdAt, source.expiresAt),
  };
}

/**
 * The builder filled in for a request no token fitted (cargo asked, the
 * provider refused): that account, name, scopes and patterns, and the
 * default expiry, which the user is meant to choose.
 */
export function prefillFromRequest(prefill: BuilderPrefill): NewTokenForm {
  return {
    accountId: prefill.accountId,
    name: prefill.name,
    endpointScopes: prefill.endpointScopes,
    cratePatterns: prefill.cratePatterns,
    expiry: DEFAULT_EXPIRY_CHOICE,
  };
}
