import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { SimContext } from '../../http/env';
import { badRequest, notFound } from '../../http/errors';
import { pathInt } from '../../http/params';
import type { ConfigTable } from './config-tables';
import { TRUSTPUB_MESSAGES } from './messages';
import { isOwnerWithEmail } from './owners';

/**
 * `DELETE /api/v1/trusted_publishing/{github,gitlab}_configs/{id}` (delete.rs):
 * the id first (404 `Not Found` even for an anonymous caller), then
 * authentication with the token's patterns matched against the config's
 * crate, then the owner check; no verified e-mail needed. 204, empty body.
 */
export function deleteConfig<R extends { readonly id: number; readonly crateId: number }>(
  c: SimContext,
  table: ConfigTable<R>,
): Response {
  const db = c.var.sim.db;
  const id = pathInt(c, 'id');
  const rows = table.rows(db);
  const index = rows.findIndex((row) => row.id === id);
  const row = rows[index];
  if (!row) throw notFound();
  const krate = db.crates.find((candidate) => candidate.id === row.crateId);
  if (!krate) throw new Error(`config ${id} of unknown crate ${row.crateId}`);
  const permission = { kind: 'trusted-publishing', crateName: krate.name } as const;
  const { user } = authorize(c, userCredentials(c), permission);
  if (!isOwnerWithEmail(krate, user)) throw badRequest(TRUSTPUB_MESSAGES.notOwner);
  rows.splice(index, 1);
  return c.body(null, 204);
}
