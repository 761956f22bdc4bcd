import { authenticateWithScopes, authorize } from '../../http/authorize';
import { userCredentials, type Credentials } from '../../http/credentials';
import type { Route, SimContext } from '../../http/env';
import { ApiError, badRequest } from '../../http/errors';
import type { Permission } from '../../http/permission';
import { sameVersion } from '../../models/semver';
import { serializeCrate } from '../../serializers/crate';
import { parsePublishBody } from './publish-body';
import { checkCrateName, checkRequiredMetadata, checkVersion } from './publish-checks';
import { storePublished } from './publish-store';

export const TRUSTPUB_ONLY_REFUSAL =
  'New versions of this crate can only be published using Trusted Publishing (see https://crates.io/docs/trusted-publishing).';

/**
 * A trustpub_only crate takes new versions from trusted-publishing tokens
 * only, which the simulator does not mint: a cookie or any API token is
 * refused right after the token's own scope check (before the e-mail and owner
 * checks). crates.io sends it as a 403, but `PUT /api/v1/crates/new` is a cargo
 * endpoint and its cargo_compat middleware (`adjust-all`) answers 200 (NOTES.md).
 */
function refuseForTrustpubOnly(
  c: SimContext,
  credentials: Credentials,
  permission: Permission,
): never {
  authenticateWithScopes(c, credentials, permission);
  throw new ApiError(200, TRUSTPUB_ONLY_REFUSAL, 'crate is trustpub_only');
}

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
    if (existing?.trustpubOnly === true) refuseForTrustpubOnly(c, credentials, permission);
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
