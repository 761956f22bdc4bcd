import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { badRequest } from '../../http/errors';
import type { Permission } from '../../http/permission';
import { sameVersion } from '../../models/semver';
import { serializeCrate } from '../../serializers/crate';
import { parsePublishBody } from './publish-body';
import { checkCrateName, checkRequiredMetadata, checkVersion } from './publish-checks';
import { storePublished } from './publish-store';

/**
 * `PUT /api/v1/crates/new` (cargo publish). A crate that does not exist yet
 * needs `publish-new`, a new version `publish-update`, each checked against the
 * token's crate patterns (NOTES.md's scope table).
 */
export const publishCrate: Route = {
  method: 'PUT',
  path: '/api/v1/crates/new',
  authenticated: true,
  handle: async (c) => {
    const sim = c.var.sim;
    const credentials = userCredentials(c);
    const upload = parsePublishBody(new Uint8Array(await c.req.arrayBuffer()));
    const { name, vers } = upload.metadata;
    checkCrateName(name);
    checkVersion(vers);
    const existing = sim.db.crateByName(name);
    const permission: Permission = existing
      ? { kind: 'publish-update', krate: existing }
      : { kind: 'publish-new', crateName: name };
    const { user } = authorize(c, credentials, permission);
    if (existing && existing.name !== name) {
      throw badRequest(`crate was previously named \`${existing.name}\``);
    }
    if (existing?.versions.some((version) => sameVersion(version.num, vers))) {
      throw badRequest(`crate version \`${vers}\` is already uploaded`);
    }
    checkRequiredMetadata(upload.metadata);
    const krate = storePublished(sim, existing, upload, user.id);
    return c.json({
      crate: serializeCrate(krate),
      warnings: { invalid_categories: [], invalid_badges: [], other: [] },
    });
  },
};
