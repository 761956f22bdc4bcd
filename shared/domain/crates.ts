import { z } from 'zod';
import { accountFailureSchema } from './token';
import { githubConfigSchema, gitlabConfigSchema } from './trusted-publishing';

/**
 * One crate as the Crates page shows it: a crate of a registry, owned by one
 * or more of the app's accounts (issue 12). Tokens that can act on it are
 * worked out in the renderer from the token list (crate-access.ts), so no
 * secret and no token is in here.
 */
export const crateViewSchema = z.object({
  /** Unique across registries: `${registryName}/${name}`. */
  key: z.string(),
  name: z.string(),
  /** cargo's name for the crate's registry (`crates-io` for crates.io). */
  registryName: z.string(),
  description: z.string().nullable(),
  /** The crate's `repository` URL as published, e.g. https://github.com/ferris/quill. */
  repository: z.string().nullable(),
  /** The app's accounts (ids) that own it directly, in the account list's order. */
  ownerAccountIds: z.array(z.string()),
  /**
   * Trusted publishing as the registry reported it. null when it could not
   * be read (then `trustedPublishingUnknown` says why).
   */
  trustedPublishing: z
    .object({
      githubConfigs: z.array(githubConfigSchema),
      gitlabConfigs: z.array(gitlabConfigSchema),
      /** crates.io refuses token publishes of new versions when true. */
      trustpubOnly: z.boolean(),
    })
    .nullable(),
  trustedPublishingUnknown: z.string().nullable(),
});
export type CrateView = z.infer<typeof crateViewSchema>;

export const cratesOverviewSchema = z.object({
  /** Sorted by name, then registry. */
  crates: z.array(crateViewSchema),
  /** ISO time the overview was fetched. */
  fetchedAt: z.string(),
  /** Accounts whose crates could not be read (same shapes as the token list's). */
  failures: z.array(accountFailureSchema),
});
export type CratesOverview = z.infer<typeof cratesOverviewSchema>;

export function crateKeyOf(registryName: string, crateName: string): string {
  return `${registryName}/${crateName}`;
}
