import { z } from 'zod';
import { authorize, rejectLegacyToken } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { crateNotFound, forbidden } from '../../http/errors';
import { readSerdeJsonBody } from '../../http/serde-json-body';
import { serializeCrateWithoutVersions } from '../../serializers/crate';
import { isOwnerWithEmail } from '../trustpub/owners';

/** crates.io's `PatchRequest`: `trustpub_only` null or absent = unchanged. */
const bodySchema = z.object({
  crate: z.object({ trustpub_only: z.boolean().nullable().optional() }),
});

const NOT_OWNER = 'only owners have permission to modify crate settings';

/**
 * `PATCH /api/v1/crates/{name}` (update.rs), in crates.io's order: body
 * (415/422), 404 before authentication, the `trusted-publishing` scope with
 * the crate's own name against the patterns, no legacy tokens, then a direct
 * owner with an e-mail on file. No verified e-mail or config needed.
 */
export const updateCrate: Route = {
  method: 'PATCH',
  path: '/api/v1/crates/:name',
  authenticated: true,
  handle: async (c) => {
    const body = await readSerdeJsonBody(c, bodySchema, {
      '': 'PatchRequest',
      crate: 'PatchRequestCrate',
    });
    const name = c.req.param('name') ?? '';
    const krate = c.var.sim.db.crateByName(name);
    if (!krate) throw crateNotFound(name);
    const permission = { kind: 'trusted-publishing', crateName: krate.name } as const;
    const { user, token } = authorize(c, userCredentials(c), permission);
    rejectLegacyToken(token);
    if (!isOwnerWithEmail(krate, user)) throw forbidden(NOT_OWNER);
    const wanted = body.crate.trustpub_only;
    if (wanted !== null && wanted !== undefined) krate.trustpubOnly = wanted;
    return c.json({ crate: serializeCrateWithoutVersions(krate) });
  },
};
