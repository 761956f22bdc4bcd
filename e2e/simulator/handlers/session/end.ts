import type { Route } from '../../http/env';
import { endSession } from '../../http/session-cookie';

/** `DELETE /api/private/session`: signs out; the cookie is worthless afterwards. */
export const endSessionRoute: Route = {
  method: 'DELETE',
  path: '/api/private/session',
  handle: (c) => {
    endSession(c);
    return c.json({ ok: true });
  },
};
