import { applySeed } from '../seeds/apply';
import type { SeedFile } from '../seeds/schema';
import { hashToken, type TokenRecord } from '../models/token';
import type { UserRecord } from '../models/user';
import type { CrateRecord } from '../models/crate';
import { SimClock } from './clock';
import { Database } from './database';
import { FaultBook } from './faults';
import { RequestLog } from './request-log';

/** A `PUT /api/v1/me/tokens` body exactly as it arrived. */
export interface CreateTokenBody {
  /** Simulator clock, RFC 3339. */
  readonly at: string;
  readonly raw: string;
}

/** crates.io's operator switch for token creation (NOTES.md, "Creating a token"). */
export interface TokenCreationSwitch {
  enabled: boolean;
  message: string;
}

/**
 * How the simulated GitHub API fails when crates.io looks a repository owner
 * up (NOTES.md): the caller's GitHub token expired or was revoked (401), it
 * lacks the org-reading grant (403), or GitHub is down (500).
 */
export const GITHUB_API_FAILURES = ['token-expired', 'forbidden', 'down'] as const;
export type GithubApiFailure = (typeof GITHUB_API_FAILURES)[number];

const DEFAULT_DISABLED_MESSAGE =
  'Token creation is temporarily disabled while we investigate an incident. Please try again later.';

/**
 * Everything the simulator knows, in process: tests read and change it
 * directly, the control endpoint does the same over HTTP.
 */
export class SimulatorState {
  readonly clock = new SimClock();
  readonly faults = new FaultBook();
  readonly requestLog = new RequestLog();
  readonly createTokenBodies: CreateTokenBody[] = [];
  readonly tokenCreation: TokenCreationSwitch = {
    enabled: true,
    message: DEFAULT_DISABLED_MESSAGE,
  };
  /** Delay before every API answer, in milliseconds. */
  latencyMs = 0;
  /** null = the simulated GitHub API answers; otherwise how it fails. */
  githubApiFailure: GithubApiFailure | null = null;
  /** The registry's own origin (`http://127.0.0.1:PORT`), set once listening. */
  origin = '';
  private database = new Database();

  constructor(private seed: SeedFile) {
    applySeed(this.database, seed, this.clock.now());
  }

  get db(): Database {
    return this.database;
  }

  get users(): readonly UserRecord[] {
    return this.database.users;
  }

  get tokens(): readonly TokenRecord[] {
    return this.database.tokens;
  }

  get crates(): readonly CrateRecord[] {
    return this.database.crates;
  }

  /** The seeded user the simulated GitHub signs in when no login is asked for. */
  get defaultUser(): UserRecord {
    const [first] = this.database.users;
    if (!first) throw new Error('the seed has no users');
    return first;
  }

  userByLogin(login: string): UserRecord | undefined {
    return this.database.userByLogin(login);
  }

  /** Finds a token by its secret, the way the server does: by hash. */
  tokenByPlaintext(plaintext: string): TokenRecord | undefined {
    return this.database.tokenByHash(hashToken(plaintext));
  }

  /** Back to a fresh copy of the seed (or a new one): data, clock, faults, logs, switches. */
  reset(seed: SeedFile = this.seed): void {
    this.seed = seed;
    this.clock.reset();
    this.faults.clear();
    this.requestLog.clear();
    this.createTokenBodies.length = 0;
    this.tokenCreation.enabled = true;
    this.tokenCreation.message = DEFAULT_DISABLED_MESSAGE;
    this.latencyMs = 0;
    this.githubApiFailure = null;
    this.database = new Database();
    applySeed(this.database, seed, this.clock.now());
  }
}
