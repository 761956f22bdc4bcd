import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import { describeTokenPower } from '../../../shared/domain/token-power';
import { formatDateTime, lastUsedText } from '../tokens/token-format';

/** The names of the crates the token's account owns on its registry: what its patterns are read against. */
export function ownedCrateNames(token: TokenView, crates: readonly CrateView[]): string[] {
  const accountId = token.accountId;
  if (accountId === null) return [];
  return crates
    .filter(
      (crate) =>
        crate.registryName === token.registryName && crate.ownerAccountIds.includes(accountId),
    )
    .map((crate) => crate.name);
}

/** "Last used 3 days ago (27 Nov 2026, 10:00)." or "Never used." */
export function lastUseSentence(token: TokenView, now: Date): string {
  if (token.lastUsedAt === null) return 'Never used.';
  const { relative } = lastUsedText(token.lastUsedAt, now);
  return `Last used ${relative} (${formatDateTime(token.lastUsedAt)}).`;
}

/**
 * What revoking takes away, in the words the builder uses for a token's
 * power: "Today it can publish new versions of quill and quill_derive;
 * expires in 60 days."
 */
export function currentPowerSentence(
  token: TokenView,
  crates: readonly CrateView[],
  now: Date,
): string {
  const power = describeTokenPower(token, ownedCrateNames(token, crates), now);
  return `Today it ${power.charAt(0).toLowerCase()}${power.slice(1)}.`;
}
