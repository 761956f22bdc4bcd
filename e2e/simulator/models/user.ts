/** A crates.io account as the simulator stores it. */
export interface UserRecord {
  readonly id: number;
  readonly login: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly avatar: string | null;
  readonly emailVerified: boolean;
  readonly isAdmin: boolean;
  readonly publishNotifications: boolean;
  readonly createdAt: Date;
  /** The GitHub account's numeric id (what a trusted-publishing config saves as owner id). */
  readonly githubId: number;
  /**
   * crates.io holds a GitHub OAuth token for the user. Without one, creating a
   * GitHub trusted-publishing config is refused (it needs GitHub's API).
   */
  githubLinked: boolean;
}

/** The GitHub profile URL crates.io shows for a user. */
export function githubUrl(user: UserRecord): string {
  return `https://github.com/${user.login}`;
}
