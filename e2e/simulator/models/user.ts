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
}

/** The GitHub profile URL crates.io shows for a user. */
export function githubUrl(user: UserRecord): string {
  return `https://github.com/${user.login}`;
}
