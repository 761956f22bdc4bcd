import type { CrateView } from '../../../shared/domain/crates';
import type { ConfigRef } from './crate-text';

type TrustedPublishingState = NonNullable<CrateView['trustedPublishing']>;

/**
 * The crate with its trusted publishing changed as the registry confirmed;
 * unchanged while its trusted publishing is unknown (the next fetch tells).
 */
export function withTrustedPublishing(
  crate: CrateView,
  change: (state: TrustedPublishingState) => Partial<TrustedPublishingState>,
): CrateView {
  const state = crate.trustedPublishing;
  if (state === null) return crate;
  return { ...crate, trustedPublishing: { ...state, ...change(state) } };
}

/** The crate with a configuration the registry added. */
export function withConfigAdded(crate: CrateView, ref: ConfigRef): CrateView {
  return withTrustedPublishing(crate, (state) =>
    ref.provider === 'github'
      ? { githubConfigs: [...state.githubConfigs, ref.config] }
      : { gitlabConfigs: [...state.gitlabConfigs, ref.config] },
  );
}

/** The crate without a configuration the registry deleted. */
export function withConfigDeleted(crate: CrateView, ref: ConfigRef): CrateView {
  const id = ref.config.id;
  return withTrustedPublishing(crate, (state) =>
    ref.provider === 'github'
      ? { githubConfigs: state.githubConfigs.filter((config) => config.id !== id) }
      : { gitlabConfigs: state.gitlabConfigs.filter((config) => config.id !== id) },
  );
}
