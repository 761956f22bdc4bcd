import { canonicalCrateName, type CrateRecord } from '../models/crate';
import type { OAuthGrant, OwnerInvitation, SessionRecord } from '../models/session';
import type { TokenRecord } from '../models/token';
import type {
  GithubConfigRecord,
  GithubOwnerRecord,
  GitlabConfigRecord,
} from '../models/trusted-publishing';
import type { UserRecord } from '../models/user';

/** GitHub and GitLab configs have separate id sequences, as on crates.io. */
type Sequence = 'user' | 'crate' | 'version' | 'token' | 'githubConfig' | 'gitlabConfig';

/**
 * The simulator's tables. Ids are sequential per table, like a fresh Postgres
 * database, so tests can rely on them.
 */
export class Database {
  readonly users: UserRecord[] = [];
  readonly crates: CrateRecord[] = [];
  readonly tokens: TokenRecord[] = [];
  readonly sessions = new Map<string, SessionRecord>();
  readonly oauthGrants = new Map<string, OAuthGrant>();
  readonly invitations: OwnerInvitation[] = [];
  readonly githubConfigs: GithubConfigRecord[] = [];
  readonly gitlabConfigs: GitlabConfigRecord[] = [];
  /** The GitHub users and organizations the simulated GitHub API knows, by lower-case login. */
  private readonly githubOwners = new Map<string, GithubOwnerRecord>();
  private readonly tokensByHash = new Map<string, TokenRecord>();
  private readonly sequences: Record<Sequence, number> = {
    user: 0,
    crate: 0,
    version: 0,
    token: 0,
    githubConfig: 0,
    gitlabConfig: 0,
  };

  nextId(sequence: Sequence): number {
    this.sequences[sequence] += 1;
    return this.sequences[sequence];
  }

  addToken(token: TokenRecord): void {
    this.tokens.push(token);
    this.tokensByHash.set(token.hash, token);
  }

  tokenByHash(hash: string): TokenRecord | undefined {
    return this.tokensByHash.get(hash);
  }

  tokensOf(userId: number): TokenRecord[] {
    return this.tokens.filter((token) => token.userId === userId);
  }

  userById(id: number): UserRecord | undefined {
    return this.users.find((user) => user.id === id);
  }

  userByLogin(login: string): UserRecord | undefined {
    const lower = login.toLowerCase();
    return this.users.find((user) => user.login.toLowerCase() === lower);
  }

  /** crates.io finds crates by canonical name: case and `-`/`_` do not matter. */
  crateByName(name: string): CrateRecord | undefined {
    const canonical = canonicalCrateName(name);
    return this.crates.find((krate) => canonicalCrateName(krate.name) === canonical);
  }

  cratesOwnedBy(userId: number): CrateRecord[] {
    return this.crates
      .filter((krate) => krate.ownerIds.includes(userId))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  addGithubOwner(owner: GithubOwnerRecord): void {
    this.githubOwners.set(owner.login.toLowerCase(), owner);
  }

  /** GitHub's `GET /users/{name}`: logins are case-insensitive; the answer has GitHub's spelling. */
  githubOwnerByLogin(login: string): GithubOwnerRecord | undefined {
    return this.githubOwners.get(login.toLowerCase());
  }
}
