import { crateAccess } from '../../../shared/domain/crate-access';
import type { CrateView } from '../../../shared/domain/crates';
import { DEFAULT_EXPIRY_CHOICE } from '../../../shared/domain/expiry-presets';
import type { EndpointScope } from '../../../shared/domain/scopes';
import type { TokenView } from '../../../shared/domain/token';

const DAY_MS = 86_400_000;

/** What a legacy token is narrowed to: the everyday job such tokens do (publishing from cargo). */
const LEGACY_NARROWED_SCOPES: readonly EndpointScope[] = ['publish-update'];

/** The names of the existing crates `token` can act on, sorted: its owners' crates its patterns reach. */
export function cratesReachedBy(token: TokenView, crates: readonly CrateView[]): string[] {
  const names = crates
    .filter((crate) => crateAccess(crate, [token]).length > 0)
    .map((crate) => crate.name);
  return [...new Set(names)].sort();
}

function reachesAnyCrate(patterns: readonly string[] | null): boolean {
  return patterns === null || patterns.length === 0 || patterns.includes('*');
}

/**
 * The scopes a narrower token keeps: a legacy token's everyday job instead of
 * every right; change-owners dropped (it lets a leak hand the crates to
 * someone else) unless it is the token's only job.
 */
function narrowerScopes(scopes: readonly EndpointScope[] | null): EndpointScope[] {
  if (scopes === null) return [...LEGACY_NARROWED_SCOPES];
  const withoutOwners = scopes.filter((scope) => scope !== 'change-owners');
  return withoutOwners.length > 0 ? withoutOwners : [...scopes];
}

/**
 * The token as "Regenerate narrower" offers it, handed to the builder as the
 * token being regenerated (the builder's Regenerate path, so name, account
 * and "does not revoke the old one" work as they do for Regenerate):
 * - patterns: `*` or none becomes the exact names of the existing crates it
 *   can act on (none found: left as it is, for the user to choose); a
 *   token that can only publish new crates keeps its patterns, since the
 *   crates it is for do not exist yet;
 * - scopes: see {@link narrowerScopes}; publish-new is dropped once the
 *   patterns name only existing crates (no new crate can have those names)
 *   and another scope remains;
 * - expiry: a token that never expired gets the builder's default (90 days),
 *   expressed as that lifetime from its creation so the builder's own
 *   Regenerate prefill reads it as the preset; any other expiry is kept.
 */
export function narrowerSource(token: TokenView, crates: readonly CrateView[]): TokenView {
  let scopes = narrowerScopes(token.endpointScopes);
  let patterns = token.cratePatterns === null ? [] : [...token.cratePatterns];
  const onlyPublishesNew = scopes.length === 1 && scopes[0] === 'publish-new';
  if (reachesAnyCrate(token.cratePatterns) && !onlyPublishesNew) {
    const reached = cratesReachedBy(token, crates);
    if (reached.length > 0) {
      patterns = reached;
      const withoutNew = scopes.filter((scope) => scope !== 'publish-new');
      if (withoutNew.length > 0) scopes = withoutNew;
    }
  }
  const defaultDays = DEFAULT_EXPIRY_CHOICE.kind === 'days' ? DEFAULT_EXPIRY_CHOICE.days : 90;
  const created = Date.parse(token.createdAt);
  // An unreadable creation date reads as no preset, which the builder offers as its default too.
  const defaultExpiry = Number.isFinite(created)
    ? new Date(created + defaultDays * DAY_MS).toISOString()
    : token.createdAt;
  const expiresAt = token.expiresAt ?? defaultExpiry;
  return { ...token, endpointScopes: scopes, cratePatterns: patterns, expiresAt };
}
