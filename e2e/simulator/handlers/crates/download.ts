import type { Route } from '../../http/env';
import { crateNotFound, versionNotFound } from '../../http/errors';
import { sameVersion } from '../../models/semver';
import { staticCratePath } from './static-file';

/**
 * `GET /api/v1/crates/{name}/{version}/download` (the index's `dl`): like
 * crates.io, a 302 to the file on the static host (here the simulator
 * itself), or `{url}` when JSON is asked for.
 */
export const downloadVersion: Route = {
  method: 'GET',
  path: '/api/v1/crates/:name/:version/download',
  handle: (c) => {
    const name = c.req.param('name') ?? '';
    const version = c.req.param('version') ?? '';
    const krate = c.var.sim.db.crateByName(name);
    if (!krate) throw crateNotFound(name);
    const record = krate.versions.find((candidate) => sameVersion(candidate.num, version));
    if (!record) throw versionNotFound(name, version);
    const url = `${c.var.sim.origin}${staticCratePath(krate.name, record.num)}`;
    if (c.req.header('Accept')?.includes('application/json')) return c.json({ url });
    return c.redirect(url, 302);
  },
};
