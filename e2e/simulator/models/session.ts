/**
 * A server-side session behind a `cargo_session` cookie. Before sign-in it only
 * holds the OAuth `state`; after `authorize` it carries the user.
 */
export interface SessionRecord {
  readonly id: string;
  readonly userId: number | null;
  oauthState: string | null;
  readonly createdAt: Date;
}

/** A code the simulated GitHub handed out, redeemable once by `authorize`. */
export interface OAuthGrant {
  readonly code: string;
  readonly login: string;
  used: boolean;
}

/** An owner invitation: crates.io makes invitees accept before they own a crate. */
export interface OwnerInvitation {
  readonly crateId: number;
  readonly inviteeId: number;
  readonly inviterId: number;
  readonly createdAt: Date;
}
