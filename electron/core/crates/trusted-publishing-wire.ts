import { z } from 'zod';
import type { GithubConfig, GitlabConfig } from '../../../shared/domain/trusted-publishing';

/*
 * crates.io's trusted-publishing JSON (NOTES.md, "Trusted publishing"):
 * checked field by field before the app uses it, then camelCased into the
 * shapes of shared/domain/trusted-publishing.ts.
 */

const timestamp = z.iso.datetime({ offset: true });
/** openapi.json marks `environment` optional; crates.io always sends it, maybe null. */
const environment = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const githubConfigWireSchema = z.object({
  id: z.number().int().positive(),
  crate: z.string(),
  repository_owner: z.string(),
  repository_owner_id: z.number().int(),
  repository_name: z.string(),
  workflow_filename: z.string(),
  environment,
  created_at: timestamp,
});
export type GithubConfigWire = z.infer<typeof githubConfigWireSchema>;

export const gitlabConfigWireSchema = z.object({
  id: z.number().int().positive(),
  crate: z.string(),
  namespace: z.string(),
  namespace_id: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  project: z.string(),
  workflow_filepath: z.string(),
  environment,
  created_at: timestamp,
});
export type GitlabConfigWire = z.infer<typeof gitlabConfigWireSchema>;

/** `meta` of a paged list: `next_page` is a query string to append to the path, or null. */
const pageMetaSchema = z.object({
  next_page: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});

export const githubConfigPageSchema = z.object({
  github_configs: z.array(githubConfigWireSchema),
  meta: pageMetaSchema,
});

export const gitlabConfigPageSchema = z.object({
  gitlab_configs: z.array(gitlabConfigWireSchema),
  meta: pageMetaSchema,
});

export const createdGithubConfigSchema = z.object({ github_config: githubConfigWireSchema });
export const createdGitlabConfigSchema = z.object({ gitlab_config: gitlabConfigWireSchema });

/** A crate of `GET /api/v1/crates`: the parts the Crates page shows. */
export const crateWireSchema = z.object({
  name: z.string(),
  description: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  repository: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  /** Absent from registries without trusted publishing: read as off. */
  trustpub_only: z
    .boolean()
    .optional()
    .transform((value) => value ?? false),
});
export type CrateWire = z.infer<typeof crateWireSchema>;

export const cratePageSchema = z.object({
  crates: z.array(crateWireSchema),
  meta: pageMetaSchema,
});

/** `PATCH /api/v1/crates/{name}`'s answer: only `trustpub_only` is meaningful there. */
export const patchedCrateSchema = z.object({ crate: z.object({ trustpub_only: z.boolean() }) });

export function toGithubConfig(wire: GithubConfigWire): GithubConfig {
  return {
    id: wire.id,
    crate: wire.crate,
    repositoryOwner: wire.repository_owner,
    repositoryOwnerId: wire.repository_owner_id,
    repositoryName: wire.repository_name,
    workflowFilename: wire.workflow_filename,
    environment: wire.environment,
    createdAt: wire.created_at,
  };
}

export function toGitlabConfig(wire: GitlabConfigWire): GitlabConfig {
  return {
    id: wire.id,
    crate: wire.crate,
    namespace: wire.namespace,
    namespaceId: wire.namespace_id,
    project: wire.project,
    workflowFilepath: wire.workflow_filepath,
    environment: wire.environment,
    createdAt: wire.created_at,
  };
}
