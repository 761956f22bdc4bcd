import type { Route } from '../../http/env';
import { GITLAB_CONFIGS } from './config-tables';
import { listConfigs } from './list-configs';

/** `GET /api/v1/trusted_publishing/gitlab_configs?crate=NAME|user_id=ID[&per_page&seek]`. */
export const listGitlabConfigs: Route = {
  method: 'GET',
  path: '/api/v1/trusted_publishing/gitlab_configs',
  authenticated: true,
  handle: (c) => listConfigs(c, GITLAB_CONFIGS),
};
