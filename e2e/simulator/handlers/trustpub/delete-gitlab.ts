import type { Route } from '../../http/env';
import { GITLAB_CONFIGS } from './config-tables';
import { deleteConfig } from './delete-config';

/** `DELETE /api/v1/trusted_publishing/gitlab_configs/{id}`: 204 with an empty body. */
export const deleteGitlabConfig: Route = {
  method: 'DELETE',
  path: '/api/v1/trusted_publishing/gitlab_configs/:id',
  authenticated: true,
  handle: (c) => deleteConfig(c, GITLAB_CONFIGS),
};
