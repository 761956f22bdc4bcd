import { MAX_CONFIGS_PER_PROVIDER } from '../../../../shared/domain/trusted-publishing';
import { authorize } from '../../http/authorize';
import { userCredentials } from '../../http/credentials';
import type { SimContext } from '../../http/env';
import { ApiError, badRequest, crateNotFound, forbidden } from '../../http/errors';
import type { UserRecord } from '../../models/user';
import type { ConfigTable } from './config-tables';
import { TRUSTPUB_MESSAGES } from './messages';
import { isOwnerWithEmail } from './owners';

/** The columns every config row has, filled in once every check has passed. */
export interface NewRowBase {
  readonly id: number;
  readonly crateId: number;
  readonly createdAt: Date;
}

export interface CreateSpec<B extends { readonly crate: string }, R extends NewRowBase> {
  readonly table: ConfigTable<R>;
  /** The body, with crates.io's 415/422 answers. */
  readonly readBody: (c: SimContext) => Promise<B>;
  /** crates.io's first failing field rule (400), or null. */
  readonly fieldProblem: (body: B) => string | null;
  /** The provider's own checks (GitHub's account and owner lookup); answers the row to save. */
  readonly prepare: (c: SimContext, body: B, user: UserRecord) => (base: NewRowBase) => R;
}

/**
 * `POST /api/v1/trusted_publishing/{github,gitlab}_configs` (create.rs), checks
 * in crates.io's order: body, field rules (before authentication), auth with
 * the token's patterns matched against the body's `crate`, 404, the 5-per-
 * provider limit (409, before the owner check), owner with an e-mail on file,
 * verified e-mail, the provider's checks. No duplicate check. Answers 200.
 */
export async function createConfig<B extends { readonly crate: string }, R extends NewRowBase>(
  c: SimContext,
  spec: CreateSpec<B, R>,
): Promise<Response> {
  const sim = c.var.sim;
  const body = await spec.readBody(c);
  const problem = spec.fieldProblem(body);
  if (problem !== null) throw badRequest(problem);
  const permission = { kind: 'trusted-publishing', crateName: body.crate } as const;
  const { user } = authorize(c, userCredentials(c), permission);
  const krate = sim.db.crateByName(body.crate);
  if (!krate) throw crateNotFound(body.crate);
  const rows = spec.table.rows(sim.db);
  if (rows.filter((row) => row.crateId === krate.id).length >= MAX_CONFIGS_PER_PROVIDER) {
    const message = TRUSTPUB_MESSAGES.tooMany(spec.table.label, MAX_CONFIGS_PER_PROVIDER);
    throw new ApiError(409, message);
  }
  if (!isOwnerWithEmail(krate, user)) throw badRequest(TRUSTPUB_MESSAGES.notOwner);
  if (!user.emailVerified) throw forbidden(TRUSTPUB_MESSAGES.unverifiedEmail);
  const build = spec.prepare(c, body, user);
  const row = build({
    id: sim.db.nextId(spec.table.sequence),
    crateId: krate.id,
    createdAt: sim.clock.now(),
  });
  rows.push(row);
  return c.json({ [spec.table.itemKey]: spec.table.serialize(row, krate.name) }, 200);
}
