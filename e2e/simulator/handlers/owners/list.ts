import type { Route } from '../../http/env';
import { crateNotFound } from '../../http/errors';
import { serializeOwner } from '../../serializers/user';

/** `GET /api/v1/crates/{name}/owners`: public, no token needed. */
export const listOwners: Route = {
  method: 'GET',
  path: '/api/v1/crates/:name/owners',
  handle: (c) => {
    const name = c.req.param('name') ?? '';
    const db = c.var.sim.db;
    const krate = db.crateByName(name);
    if (!krate) throw crateNotFound(name);
    const users = krate.ownerIds.flatMap((id) => {
      const user = db.userById(id);
      return user ? [serializeOwner(user)] : [];
    });
    return c.json({ users });
  },
};
