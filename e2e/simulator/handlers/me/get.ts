import { authorize } from '../../http/authorize';
import { cookieCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { ACCOUNT } from '../../http/permission';
import { serializeMe } from './me-body';

/** `GET /api/v1/me`: the signed-in user and the crates they own (cookie only). */
export const getMe: Route = {
  method: 'GET',
  path: '/api/v1/me',
  authenticated: true,
  handle: (c) => {
    const { user } = authorize(c, cookieCredentials(c), ACCOUNT);
    return c.json(serializeMe(c.var.sim.db, user));
  },
};
