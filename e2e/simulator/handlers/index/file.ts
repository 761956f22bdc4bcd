import type { Route } from '../../http/env';
import type { CrateRecord, VersionRecord } from '../../models/crate';
import { indexPathFor, type IndexEntry } from '../../models/index-entry';
import { INDEX_PATH } from './paths';

function toEntry(krate: CrateRecord, version: VersionRecord): IndexEntry {
  return {
    name: krate.name,
    vers: version.num,
    deps: version.deps,
    cksum: version.cksum,
    features: version.features,
    yanked: version.yanked,
    links: version.links,
    ...(version.rustVersion === null ? {} : { rust_version: version.rustVersion }),
  };
}

/**
 * `GET /index/{prefix}/{name}`: one JSON line per version, oldest first. It is
 * built from live state on every request, so a publish shows up at once and
 * cargo's post-publish polling ends on its first try.
 */
export const indexFile: Route = {
  method: 'GET',
  path: '/index/*',
  handle: (c) => {
    const relative = c.req.path.slice(INDEX_PATH.length);
    const name = relative.split('/').at(-1) ?? '';
    const krate = c.var.sim.db.crates.find(
      (candidate) => candidate.name.toLowerCase() === name.toLowerCase(),
    );
    if (!krate || krate.versions.length === 0 || indexPathFor(krate.name) !== relative) {
      return c.text('Not Found', 404);
    }
    const lines = krate.versions.map((version) => JSON.stringify(toEntry(krate, version)));
    return c.text(`${lines.join('\n')}\n`, 200, { 'Cache-Control': 'no-store' });
  },
};
