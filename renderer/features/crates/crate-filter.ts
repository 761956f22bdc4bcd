import type { CrateView } from '../../../shared/domain/crates';

/** Which crates the list shows, by what they are on trusted publishing. */
export type TrustedPublishingFilter = 'all' | 'set-up' | 'not-set-up';

/** A crate has trusted publishing set up when it has at least one configuration. */
export function hasConfigs(crate: CrateView): boolean {
  const state = crate.trustedPublishing;
  return state !== null && state.githubConfigs.length + state.gitlabConfigs.length > 0;
}

/**
 * The crates whose name or description contains every word of `query`
 * (ignoring case, and `-` against `_` as crates.io does for names), that
 * pass the trusted-publishing filter; in the overview's order.
 */
export function filterCrates(
  crates: readonly CrateView[],
  query: string,
  trustedPublishing: TrustedPublishingFilter,
): readonly CrateView[] {
  const words = normalised(query).split(/\s+/).filter(Boolean);
  if (words.length === 0 && trustedPublishing === 'all') return crates;
  return crates.filter((crate) => {
    if (trustedPublishing === 'set-up' && !hasConfigs(crate)) return false;
    if (
      trustedPublishing === 'not-set-up' &&
      (crate.trustedPublishing === null || hasConfigs(crate))
    )
      return false;
    if (words.length === 0) return true;
    const text = normalised(`${crate.name} ${crate.description ?? ''}`);
    return words.every((word) => text.includes(word));
  });
}

function normalised(text: string): string {
  return text.toLowerCase().replaceAll('_', '-');
}
