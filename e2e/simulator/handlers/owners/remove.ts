import type { Route } from '../../http/env';
import { badRequest } from '../../http/errors';
import { modifyOwners, type OwnerChange } from './modify-owners';

const remove: OwnerChange = (sim, krate, logins) => {
  const ids = logins.map((login) => {
    const user = sim.db.userByLogin(login);
    if (!user || !krate.ownerIds.includes(user.id)) {
      throw badRequest(`could not find owner with login \`${login}\``);
    }
    return user.id;
  });
  if (krate.ownerIds.every((id) => ids.includes(id))) {
    throw badRequest(
      "cannot remove all individual owners of a crate. Team member don't have permission to modify owners, so at least one individual owner is required.",
    );
  }
  for (const id of ids) krate.ownerIds.splice(krate.ownerIds.indexOf(id), 1);
  return 'owners successfully removed';
};

/** `DELETE /api/v1/crates/{name}/owners` (cargo owner --remove). */
export const removeOwners: Route = {
  method: 'DELETE',
  path: '/api/v1/crates/:name/owners',
  authenticated: true,
  handle: (c) => modifyOwners(c, remove),
};
