import type { Route } from '../../http/env';
import { modifyYank } from './modify-yank';

/** `DELETE /api/v1/crates/{name}/{version}/yank` (cargo yank): answers `{"ok":true}`. */
export const yankVersion: Route = {
  method: 'DELETE',
  path: '/api/v1/crates/:name/:version/yank',
  authenticated: true,
  handle: (c) => modifyYank(c, true),
};
