import { z } from 'zod';
import { cratesOverviewSchema } from '../../domain/crates';
import { githubConfigSchema, gitlabConfigSchema } from '../../domain/trusted-publishing';

// Field contents are checked by crates.io's rules in the core (trusted-publishing.ts),
// so the registry's own texts come back; here only shape and a size cap.
const field = z.string().max(1024);
const accountAndCrate = {
  accountId: z.string().min(1).max(512),
  crate: z.string().min(1).max(64),
};

/**
 * The Crates page (issue 12): every crate of every account, trusted publishing
 * set up and removed with the account's session, and retiring tokens it
 * replaces. No call here carries a secret.
 */
export const cratesCalls = {
  /**
   * Every crate every signed-in account owns, merged across accounts of the
   * same registry, with its trusted-publishing configurations and flag.
   */
  'crates:overview': () => ({
    input: z.object({}).strict(),
    output: cratesOverviewSchema,
  }),
  /** Adds a GitHub Actions configuration (crates.io's POST github_configs) as this account. */
  'crates:add-github-config': () => ({
    input: z
      .object({
        ...accountAndCrate,
        repositoryOwner: field,
        repositoryName: field,
        workflowFilename: field,
        /** null = any environment. */
        environment: field.nullable(),
      })
      .strict(),
    output: z.object({ config: githubConfigSchema }),
  }),
  /** Adds a GitLab CI configuration (crates.io's POST gitlab_configs) as this account. */
  'crates:add-gitlab-config': () => ({
    input: z
      .object({
        ...accountAndCrate,
        namespace: field,
        project: field,
        workflowFilepath: field,
        environment: field.nullable(),
      })
      .strict(),
    output: z.object({ config: gitlabConfigSchema }),
  }),
  /** Deletes one configuration (crates.io's DELETE .../{id}) as this account. */
  'crates:delete-config': () => ({
    input: z
      .object({
        accountId: accountAndCrate.accountId,
        provider: z.enum(['github', 'gitlab']),
        id: z.number().int().positive(),
      })
      .strict(),
    output: z.object({}),
  }),
  /**
   * Sets `trustpub_only` (crates.io's PATCH /api/v1/crates/{name}). Switching
   * it on is refused by the core while the crate has no configuration (read
   * from the registry just before), which crates.io itself does not guard.
   */
  'crates:set-trustpub-only': () => ({
    input: z.object({ ...accountAndCrate, trustpubOnly: z.boolean() }).strict(),
    output: z.object({ trustpubOnly: z.boolean() }),
  }),
  /**
   * Revokes the tokens trusted publishing replaced, in one confirmed step:
   * each revoked in turn with its account's session; one failure does not
   * stop the others, and each result says what happened.
   */
  'crates:retire-tokens': () => ({
    input: z.object({ keys: z.array(z.string().min(1).max(512)).min(1).max(100) }).strict(),
    output: z.object({
      results: z.array(
        z.object({ key: z.string(), revoked: z.boolean(), message: z.string().nullable() }),
      ),
    }),
  }),
} as const;
