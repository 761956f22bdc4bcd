import { cratePatternsAllow } from '../../../../shared/domain/crate-pattern';
import { authorize, rejectLegacyToken } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { SimContext } from '../../http/env';
import { badRequest, crateNotFound, forbidden } from '../../http/errors';
import { queryInt } from '../../http/params';
import type { CrateRecord } from '../../models/crate';
import { crateNameOf, type ConfigTable } from './config-tables';
import { TRUSTPUB_MESSAGES } from './messages';
import { isDirectOwner } from './owners';
import { readSeekPage, seekPage } from './paging';

/**
 * `?crate=NAME`: the token's patterns must match NAME as typed; the crate is
 * then found ignoring case and `-`/`_`; any direct owner may list (no e-mail needed).
 */
function crateToList(c: SimContext, name: string): CrateRecord[] {
  const permission = { kind: 'trusted-publishing', crateName: name } as const;
  const { user } = authorize(c, userCredentials(c), permission);
  const krate = c.var.sim.db.crateByName(name);
  if (!krate) throw crateNotFound(name);
  if (!isDirectOwner(krate, user)) throw badRequest(TRUSTPUB_MESSAGES.notOwner);
  return [krate];
}

/**
 * `?user_id=ID`: only the caller's own id, no legacy tokens; every crate the
 * user owns directly, narrowed to the token's patterns when it has any.
 */
function userCratesToList(c: SimContext, userId: number): CrateRecord[] {
  const permission = { kind: 'trusted-publishing', crateName: null } as const;
  const { user, token } = authorize(c, userCredentials(c), permission);
  rejectLegacyToken(token);
  if (user.id !== userId) throw forbidden(TRUSTPUB_MESSAGES.otherUser);
  return c.var.sim.db.crates.filter(
    (krate) => isDirectOwner(krate, user) && cratePatternsAllow(token?.crateScopes, krate.name),
  );
}

/**
 * `GET /api/v1/trusted_publishing/{github,gitlab}_configs`, in crates.io's
 * order (list.rs): exactly one of `crate` / `user_id` before authentication,
 * then who may list which crates, then seek paging by config id.
 */
export function listConfigs<R extends { readonly id: number; readonly crateId: number }>(
  c: SimContext,
  table: ConfigTable<R>,
): Response {
  const db = c.var.sim.db;
  const crateName = c.req.query('crate');
  const userId = queryInt(c, 'user_id');
  if (crateName !== undefined && userId !== undefined) {
    throw badRequest(TRUSTPUB_MESSAGES.bothQueries);
  }
  let crates: CrateRecord[];
  if (crateName !== undefined) crates = crateToList(c, crateName);
  else if (userId !== undefined) crates = userCratesToList(c, userId);
  else throw badRequest(TRUSTPUB_MESSAGES.neitherQuery);
  const page = readSeekPage(c);
  const crateIds = new Set(crates.map((krate) => krate.id));
  const rows = table.rows(db).filter((row) => crateIds.has(row.crateId));
  const { items, meta } = seekPage(c, rows, page);
  // Per-user answers: crates.io forbids any cache to keep them.
  c.header('Cache-Control', 'no-store');
  return c.json({
    [table.listKey]: items.map((row) => table.serialize(row, crateNameOf(db, row.crateId))),
    meta,
  });
}
