import { z } from 'zod';
import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { SimContext } from '../../http/env';
import { crateNotFound } from '../../http/errors';
import { readJsonBody } from '../../http/json-body';
import type { CrateRecord } from '../../models/crate';
import type { UserRecord } from '../../models/user';
import type { SimulatorState } from '../../state/simulator-state';

// openapi.json calls the list `owners`; cargo sends `users`, which crates.io accepts as an alias.
const bodySchema = z.union([
  z.object({ owners: z.array(z.string()) }).transform((body) => body.owners),
  z.object({ users: z.array(z.string()) }).transform((body) => body.users),
]);

export type OwnerChange = (
  sim: SimulatorState,
  krate: CrateRecord,
  logins: readonly string[],
  actor: UserRecord,
) => string;

/**
 * Shared by adding and removing owners: credentials, the JSON body, the crate
 * (404), then owner rights and the `change-owners` scope for that crate.
 */
export async function modifyOwners(c: SimContext, change: OwnerChange): Promise<Response> {
  const sim = c.var.sim;
  const credentials = userCredentials(c);
  const logins = await readJsonBody(c, bodySchema);
  const name = c.req.param('name') ?? '';
  const krate = sim.db.crateByName(name);
  if (!krate) throw crateNotFound(name);
  const { user } = authorize(c, credentials, { kind: 'change-owners', krate });
  const msg = change(sim, krate, logins, user);
  return c.json({ ok: true, msg });
}
