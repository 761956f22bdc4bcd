import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { pathInt } from '../../http/params';
import { ACCOUNT } from '../../http/permission';

/**
 * `DELETE /api/v1/me/tokens/{id}`: revokes one of the caller's tokens. An
 * unknown or someone else's id also answers `{}` (NOTES.md).
 */
export const revokeApiToken: Route = {
  method: 'DELETE',
  path: '/api/v1/me/tokens/:id',
  authenticated: true,
  handle: (c) => {
    const id = pathInt(c, 'id');
    const { user } = authorize(c, userCredentials(c), ACCOUNT);
    const token = c.var.sim.db.tokensOf(user.id).find((candidate) => candidate.id === id);
    if (token) token.revoked = true;
    return c.json({});
  },
};
