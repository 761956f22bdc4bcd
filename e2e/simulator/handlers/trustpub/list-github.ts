import type { Route } from '../../http/env';
import { GITHUB_CONFIGS } from './config-tables';
import { listConfigs } from './list-configs';

/** `GET /api/v1/trusted_publishing/github_configs?crate=NAME|user_id=ID[&per_page&seek]`. */
export const listGithubConfigs: Route = {
  method: 'GET',
  path: '/api/v1/trusted_publishing/github_configs',
  authenticated: true,
  handle: (c) => listConfigs(c, GITHUB_CONFIGS),
};
