import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { notFound } from '../../http/errors';
import { pathInt } from '../../http/params';
import { ACCOUNT } from '../../http/permission';
import { serializeApiToken } from '../../serializers/api-token';

/** `GET /api/v1/me/tokens/{id}`: one of the caller's own tokens (cookie or legacy token). */
export const getApiToken: Route = {
  method: 'GET',
  path: '/api/v1/me/tokens/:id',
  authenticated: true,
  handle: (c) => {
    const id = pathInt(c, 'id');
    const { user } = authorize(c, userCredentials(c), ACCOUNT);
    const token = c.var.sim.db
      .tokensOf(user.id)
      .find((candidate) => candidate.id === id && !candidate.revoked);
    if (!token) throw notFound();
    return c.json({ api_token: serializeApiToken(token) });
  },
};
