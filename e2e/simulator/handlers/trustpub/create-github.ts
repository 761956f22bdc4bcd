import { z } from 'zod';
import { githubConfigProblem } from '../../../../shared/domain/trusted-publishing';
import type { Route } from '../../http/env';
import { ApiError, badRequest, forbidden } from '../../http/errors';
import type { GithubApiFailure } from '../../state/simulator-state';
import { readSerdeJsonBody } from '../../http/serde-json-body';
import type { GithubConfigRecord } from '../../models/trusted-publishing';
import { GITHUB_CONFIGS } from './config-tables';
import { createConfig } from './create-config';
import { TRUSTPUB_MESSAGES } from './messages';

/** crates.io's `NewGitHubConfig`, fields in its declaration order; unknown fields ignored. */
const bodySchema = z.object({
  github_config: z.object({
    crate: z.string(),
    repository_owner: z.string(),
    repository_name: z.string(),
    workflow_filename: z.string(),
    environment: z.string().nullable().optional(),
  }),
});
type NewGithubConfig = z.infer<typeof bodySchema>['github_config'];

/** crates.io's answers when GitHub's `GET /users/{name}` fails (NOTES.md). */
function githubFailure(failure: GithubApiFailure): ApiError {
  switch (failure) {
    case 'token-expired':
      return new ApiError(401, TRUSTPUB_MESSAGES.githubTokenExpired);
    case 'forbidden':
      return forbidden(TRUSTPUB_MESSAGES.githubForbidden);
    case 'down':
      return new ApiError(500, 'Internal Server Error', 'GitHub API unavailable');
  }
}

/**
 * `POST /api/v1/trusted_publishing/github_configs`. After the shared checks:
 * the caller needs a linked GitHub account, and `repository_owner` must be a
 * GitHub user or organization the seed knows (the simulated
 * `GET api.github.com/users/{name}`, which the control endpoint can make
 * fail); its spelling and id are saved.
 */
export const createGithubConfig: Route = {
  method: 'POST',
  path: '/api/v1/trusted_publishing/github_configs',
  authenticated: true,
  handle: (c) =>
    createConfig<NewGithubConfig, GithubConfigRecord>(c, {
      table: GITHUB_CONFIGS,
      readBody: async (context) => {
        const body = await readSerdeJsonBody(context, bodySchema, {
          '': 'CreateRequest',
          github_config: 'NewGitHubConfig',
        });
        return body.github_config;
      },
      fieldProblem: (body) =>
        githubConfigProblem({
          repositoryOwner: body.repository_owner,
          repositoryName: body.repository_name,
          workflowFilename: body.workflow_filename,
          environment: body.environment ?? null,
        }),
      prepare: (context, body, user) => {
        if (!user.githubLinked) throw badRequest(TRUSTPUB_MESSAGES.githubNotLinked);
        const failure = context.var.sim.githubApiFailure;
        if (failure !== null) throw githubFailure(failure);
        const owner = context.var.sim.db.githubOwnerByLogin(body.repository_owner);
        if (!owner) throw badRequest(TRUSTPUB_MESSAGES.unknownGithubOwner);
        return (base) => ({
          ...base,
          repositoryOwner: owner.login,
          repositoryOwnerId: owner.id,
          repositoryName: body.repository_name,
          workflowFilename: body.workflow_filename,
          environment: body.environment ?? null,
        });
      },
    }),
};
