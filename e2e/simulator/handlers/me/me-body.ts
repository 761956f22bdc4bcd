import type { UserRecord } from '../../models/user';
import { serializeOwnedCrate } from '../../serializers/crate';
import { serializeAuthenticatedUser } from '../../serializers/user';
import type { Database } from '../../state/database';

/** The `/me` fields, also part of the sign-in answer. */
export function serializeMe(db: Database, user: UserRecord) {
  return {
    user: serializeAuthenticatedUser(user),
    owned_crates: db.cratesOwnedBy(user.id).map(serializeOwnedCrate),
  };
}
