import type { Route } from '../../http/env';
import { modifyYank } from './modify-yank';

/** `PUT /api/v1/crates/{name}/{version}/unyank` (cargo yank --undo): answers `{"ok":true}`. */
export const unyankVersion: Route = {
  method: 'PUT',
  path: '/api/v1/crates/:name/:version/unyank',
  authenticated: true,
  handle: (c) => modifyYank(c, false),
};
