import type { Route } from '../../http/env';

/** Where static.crates.io keeps a .crate file; the simulator serves the same layout. */
export function staticCratePath(name: string, version: string): string {
  return `/static/crates/${name}/${name}-${version}.crate`;
}

/**
 * `GET /static/crates/{name}/{name}-{version}.crate`: the uploaded bytes.
 * Seeded versions were never uploaded, so they have nothing to serve.
 */
export const staticCrateFile: Route = {
  method: 'GET',
  path: '/static/crates/:name/:file',
  handle: (c) => {
    const name = c.req.param('name') ?? '';
    const file = c.req.param('file') ?? '';
    const krate = c.var.sim.db.crates.find((candidate) => candidate.name === name);
    const version = krate?.versions.find((candidate) => file === `${name}-${candidate.num}.crate`);
    if (!version?.crateFile) return c.text('Not Found', 404);
    return c.body(version.crateFile.slice().buffer, 200, { 'Content-Type': 'application/x-tar' });
  },
};
