import type { Route } from '../../http/env';
import { badRequest } from '../../http/errors';
import { modifyOwners, type OwnerChange } from './modify-owners';

/** crates.io invites: the invitee becomes an owner only after accepting. */
const invite: OwnerChange = (sim, krate, logins, actor) => {
  const messages = logins.map((login) => {
    if (login.includes(':')) throw badRequest(`could not find team with login \`${login}\``);
    const invitee = sim.db.userByLogin(login);
    if (!invitee) throw badRequest(`could not find user with login \`${login}\``);
    if (krate.ownerIds.includes(invitee.id)) throw badRequest(`\`${login}\` is already an owner`);
    const pending = sim.db.invitations.some(
      (invitation) => invitation.crateId === krate.id && invitation.inviteeId === invitee.id,
    );
    if (!pending) {
      sim.db.invitations.push({
        crateId: krate.id,
        inviteeId: invitee.id,
        inviterId: actor.id,
        createdAt: sim.clock.now(),
      });
    }
    return `user ${invitee.login} has been invited to be an owner of crate ${krate.name}`;
  });
  return messages.join(',');
};

/** `PUT /api/v1/crates/{name}/owners` (cargo owner --add). */
export const addOwners: Route = {
  method: 'PUT',
  path: '/api/v1/crates/:name/owners',
  authenticated: true,
  handle: (c) => modifyOwners(c, invite),
};
