import type { CratesService } from '../crates/crates-service';
import { retireTokens, type RetireLog } from '../crates/retire-tokens';
import type { CallHandlers } from '../dispatch';
import type { TokenActions } from '../token-actions';
import type { TokenCache } from '../token-cache';

export type CratesHandlers = Pick<
  CallHandlers,
  | 'crates:overview'
  | 'crates:add-github-config'
  | 'crates:add-gitlab-config'
  | 'crates:delete-config'
  | 'crates:set-trustpub-only'
  | 'crates:retire-tokens'
>;

/** The Crates page: crates across accounts, trusted publishing, retiring the tokens it replaces. */
export function cratesHandlers(deps: {
  readonly crates: CratesService;
  readonly actions: TokenActions;
  readonly cache: TokenCache;
  readonly log: RetireLog;
}): CratesHandlers {
  const { crates, actions, cache, log } = deps;
  return {
    'crates:overview': () => crates.overview(),
    'crates:add-github-config': async ({ accountId, crate, ...fields }) => ({
      config: await crates.addGithubConfig(accountId, crate, fields),
    }),
    'crates:add-gitlab-config': async ({ accountId, crate, ...fields }) => ({
      config: await crates.addGitlabConfig(accountId, crate, fields),
    }),
    'crates:delete-config': async ({ accountId, provider, id }) => {
      await crates.deleteConfig(accountId, provider, id);
      return {};
    },
    'crates:set-trustpub-only': async ({ accountId, crate, trustpubOnly }) => ({
      trustpubOnly: await crates.setTrustpubOnly(accountId, crate, trustpubOnly),
    }),
    // The same path as tokens:revoke: the registry confirms, then the secret and the last known list forget it.
    'crates:retire-tokens': async ({ keys }) => ({
      results: await retireTokens(
        keys,
        async (key) => {
          await actions.revoke(key);
          await cache.forgetTokenByKey(key);
        },
        log,
      ),
    }),
  };
}
