import type { Route } from '../../http/env';
import { GITHUB_CONFIGS } from './config-tables';
import { deleteConfig } from './delete-config';

/** `DELETE /api/v1/trusted_publishing/github_configs/{id}`: 204 with an empty body. */
export const deleteGithubConfig: Route = {
  method: 'DELETE',
  path: '/api/v1/trusted_publishing/github_configs/:id',
  authenticated: true,
  handle: (c) => deleteConfig(c, GITHUB_CONFIGS),
};
