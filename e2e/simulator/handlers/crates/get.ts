import type { Route } from '../../http/env';
import { crateNotFound } from '../../http/errors';
import { serializeCrate } from '../../serializers/crate';
import { serializeVersion } from '../../serializers/version';

/**
 * `GET /api/v1/crates/{name}` (public; `include` is ignored, the answer is
 * always crates.io's default `full` one): the crate with its version ids,
 * every version newest first, and no keywords or categories.
 */
export const getCrate: Route = {
  method: 'GET',
  path: '/api/v1/crates/:name',
  handle: (c) => {
    const db = c.var.sim.db;
    const name = c.req.param('name') ?? '';
    const krate = db.crateByName(name);
    if (!krate) throw crateNotFound(name);
    const versions = [...krate.versions].sort((a, b) => b.id - a.id);
    const crate = serializeCrate(krate);
    return c.json({
      crate: {
        ...crate,
        versions: versions.map((version) => version.id),
        keywords: [],
        categories: [],
        links: { ...crate.links, versions: null },
      },
      versions: versions.map((version) =>
        serializeVersion(krate, version, db.userById(version.publishedBy ?? -1)),
      ),
      keywords: [],
      categories: [],
    });
  },
};
