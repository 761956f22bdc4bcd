import { cratePatternMatches } from './crate-pattern';
import { isLiveToken } from './crate-access';
import type { CrateView } from './crates';
import type { EndpointScope } from './scopes';
import type { TokenView } from './token';

const PUBLISH_SCOPES: readonly EndpointScope[] = ['publish-new', 'publish-update'];

/** At least one GitHub or GitLab configuration, as the registry last reported it. */
export function hasTrustedPublishing(crate: CrateView): boolean {
  const trusted = crate.trustedPublishing;
  return trusted !== null && trusted.githubConfigs.length + trusted.gitlabConfigs.length > 0;
}

/** Only publish scopes: a token that also yanks, changes owners or manages configs has another job. */
function onlyPublishes(scopes: readonly EndpointScope[] | null): boolean {
  return (
    scopes !== null && scopes.length > 0 && scopes.every((scope) => PUBLISH_SCOPES.includes(scope))
  );
}

/**
 * Once `crate` is on trusted publishing (has ≥1 config): the live registry
 * tokens of its owning accounts whose scopes are only publish-new /
 * publish-update and whose patterns (non-empty, no `*`) cover the crate and
 * otherwise only crates their account owns (of `crates`) that are all on
 * trusted publishing too. Such a token's only job was publishing crates that
 * CI now publishes, so it can be revoked.
 *
 * Never candidates: legacy tokens, `*` or no-pattern tokens (they reach every
 * crate, so they have other jobs), tokens with a pattern that covers no crate
 * their account owns (it may be kept to publish that crate new), tokens
 * covering a crate whose trusted publishing could not be read, and imported
 * tokens (their scopes are unknown).
 */
export function retireCandidates(
  crate: CrateView,
  crates: readonly CrateView[],
  tokens: readonly TokenView[],
): TokenView[] {
  if (!hasTrustedPublishing(crate)) return [];
  return tokens.filter((token) => {
    const accountId = token.accountId;
    if (token.source !== 'registry' || accountId === null || !isLiveToken(token)) return false;
    if (token.registryName !== crate.registryName || !crate.ownerAccountIds.includes(accountId)) {
      return false;
    }
    if (!onlyPublishes(token.endpointScopes)) return false;
    const patterns = token.cratePatterns;
    if (patterns === null || patterns.length === 0 || patterns.includes('*')) return false;
    if (!patterns.some((pattern) => cratePatternMatches(pattern, crate.name))) return false;
    const owned = crates.filter(
      (other) =>
        other.registryName === crate.registryName && other.ownerAccountIds.includes(accountId),
    );
    return patterns.every((pattern) => {
      const covered = owned.filter((other) => cratePatternMatches(pattern, other.name));
      return covered.length > 0 && covered.every(hasTrustedPublishing);
    });
  });
}
