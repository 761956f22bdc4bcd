import { z } from 'zod';
import { gitlabConfigProblem } from '../../../../shared/domain/trusted-publishing';
import type { Route } from '../../http/env';
import { readSerdeJsonBody } from '../../http/serde-json-body';
import type { GitlabConfigRecord } from '../../models/trusted-publishing';
import { GITLAB_CONFIGS } from './config-tables';
import { createConfig } from './create-config';

/** crates.io's `NewGitLabConfig`, fields in its declaration order; unknown fields ignored. */
const bodySchema = z.object({
  gitlab_config: z.object({
    crate: z.string(),
    namespace: z.string(),
    project: z.string(),
    workflow_filepath: z.string(),
    environment: z.string().nullable().optional(),
  }),
});
type NewGitlabConfig = z.infer<typeof bodySchema>['gitlab_config'];

/**
 * `POST /api/v1/trusted_publishing/gitlab_configs`: the shared checks only;
 * GitLab creation asks nothing outside, and `namespace_id` stays null.
 */
export const createGitlabConfig: Route = {
  method: 'POST',
  path: '/api/v1/trusted_publishing/gitlab_configs',
  authenticated: true,
  handle: (c) =>
    createConfig<NewGitlabConfig, GitlabConfigRecord>(c, {
      table: GITLAB_CONFIGS,
      readBody: async (context) => {
        const body = await readSerdeJsonBody(context, bodySchema, {
          '': 'CreateRequest',
          gitlab_config: 'NewGitLabConfig',
        });
        return body.gitlab_config;
      },
      fieldProblem: (body) =>
        gitlabConfigProblem({
          namespace: body.namespace,
          project: body.project,
          workflowFilepath: body.workflow_filepath,
          environment: body.environment ?? null,
        }),
      prepare: (_context, body) => (base) => ({
        ...base,
        namespace: body.namespace,
        namespaceId: null,
        project: body.project,
        workflowFilepath: body.workflow_filepath,
        environment: body.environment ?? null,
      }),
    }),
};
