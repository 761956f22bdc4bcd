import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { SimContext } from '../../http/env';
import { crateNotFound, versionNotFound } from '../../http/errors';
import { isSemver, sameVersion } from '../../models/semver';

/**
 * Shared by yank and unyank, in crates.io's order: credentials, then the crate
 * and version (404), then owner rights and the `yank` scope for that crate.
 */
export function modifyYank(c: SimContext, yanked: boolean): Response {
  const sim = c.var.sim;
  const credentials = userCredentials(c);
  const name = c.req.param('name') ?? '';
  const version = c.req.param('version') ?? '';
  const krate = sim.db.crateByName(name);
  if (!krate) throw crateNotFound(name);
  const record = isSemver(version)
    ? krate.versions.find((candidate) => sameVersion(candidate.num, version))
    : undefined;
  if (!record) throw versionNotFound(name, version);
  authorize(c, credentials, { kind: yanked ? 'yank' : 'unyank', krate });
  record.yanked = yanked;
  krate.updatedAt = sim.clock.now();
  return c.json({ ok: true });
}
