import { cratePatternMatches } from '../../../shared/domain/crate-pattern';
import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';

/** The retire button's accessible name (and words): the acceptance checks use it. */
export function retireButtonName(crateName: string): string {
  return `Retire tokens replaced by trusted publishing for ${crateName}`;
}

/**
 * The notice above the button: "1 token only published quill; trusted
 * publishing does that job now." When a token's patterns also cover other
 * crates (all on trusted publishing, or it would not be offered), it says so.
 */
export function retireNoticeText(
  crate: CrateView,
  crates: readonly CrateView[],
  candidates: readonly TokenView[],
): string {
  const count = candidates.length;
  const subject = count === 1 ? '1 token only published' : `${String(count)} tokens only published`;
  const coversOthers = candidates.some((token) =>
    crates.some(
      (other) =>
        other.key !== crate.key &&
        other.registryName === crate.registryName &&
        token.accountId !== null &&
        other.ownerAccountIds.includes(token.accountId) &&
        (token.cratePatterns ?? []).some((pattern) => cratePatternMatches(pattern, other.name)),
    ),
  );
  const what = coversOthers
    ? `${crate.name} and other crates now on trusted publishing`
    : crate.name;
  return `${subject} ${what}; trusted publishing does that job now, so ${count === 1 ? 'it' : 'they'} can be revoked.`;
}
