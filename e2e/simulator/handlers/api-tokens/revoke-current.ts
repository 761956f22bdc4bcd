import { authorize } from '../../http/authorize';
import { apiTokenCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { ACCOUNT } from '../../http/permission';

/** `DELETE /api/v1/tokens/current`: a legacy token revokes itself (204). */
export const revokeCurrentApiToken: Route = {
  method: 'DELETE',
  path: '/api/v1/tokens/current',
  authenticated: true,
  handle: (c) => {
    const { token } = authorize(c, apiTokenCredentials(c), ACCOUNT);
    if (token) token.revoked = true;
    return c.body(null, 204);
  },
};
