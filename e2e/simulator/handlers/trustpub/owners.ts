import type { CrateRecord } from '../../models/crate';
import type { UserRecord } from '../../models/user';

/** A direct user owner (teams are not modelled, so a team member is never one). */
export function isDirectOwner(krate: CrateRecord, user: UserRecord): boolean {
  return krate.ownerIds.includes(user.id);
}

/**
 * Creating, deleting and PATCH find owners through crates.io's `emails` table,
 * so an owner without an e-mail address on file is not one there (NOTES.md).
 */
export function isOwnerWithEmail(krate: CrateRecord, user: UserRecord): boolean {
  return isDirectOwner(krate, user) && user.email !== null && user.email !== '';
}
