import type { EndpointScope } from '../../../shared/domain/scopes';
import { generateTokenPlaintext } from '../models/token';
import { SeededRandom } from '../state/random';
import type { SeedCrate, SeedFile, SeedToken } from './schema';

export interface GenerateSeedOptions {
  readonly users: number;
  readonly tokensPerUser: number;
  /** Crates per user (default 5). */
  readonly cratesPerUser?: number;
  /** PRNG seed: the same options always give the same seed (default 42). */
  readonly randomSeed?: number;
  /**
   * Only tokens the registry lists by default: none revoked, none expired.
   * Without it some are, as in real accounts, so a user's list is shorter
   * than `tokensPerUser`.
   */
  readonly live?: boolean;
}

/**
 * `generated:10x500` → 10 users with 500 tokens each; `generated:10x500:live`
 * → the same with every token listed (see `GenerateSeedOptions.live`).
 */
export const GENERATED_SEED_PATTERN = /^generated:(\d+)x(\d+)(:live)?$/;

/** The options a `generated:…` seed name stands for; null if it is not one. */
export function parseGeneratedSeedName(name: string): GenerateSeedOptions | null {
  const match = GENERATED_SEED_PATTERN.exec(name);
  if (!match) return null;
  return {
    users: Number(match[1]),
    tokensPerUser: Number(match[2]),
    ...(match[3] === undefined ? {} : { live: true }),
  };
}

/** crates.io refuses a 501st token per user, revoked ones included. */
const MAX_TOKENS_PER_USER = 500;
const SCOPE_SETS: readonly (readonly EndpointScope[] | null)[] = [
  null,
  ['publish-update'],
  ['publish-new', 'publish-update'],
  ['yank'],
  ['change-owners'],
  ['publish-new', 'publish-update', 'yank', 'change-owners', 'trusted-publishing'],
];
const EXPIRIES: readonly (number | null)[] = [null, 365, 90, 30, 13, 6, 2, 0.5, -3, -20, -200];
/** Still a mix a list shows apart: never, far off, and expiring within days or hours. */
const LIVE_EXPIRIES: readonly (number | null)[] = [null, 365, 180, 90, 60, 30, 13, 6, 2, 0.5];

function copyOrNull<T>(items: readonly T[] | null): T[] | null {
  return items === null ? null : [...items];
}

function userLogin(index: number): string {
  return `user${String(index + 1).padStart(2, '0')}`;
}

function generateToken(
  random: SeededRandom,
  login: string,
  crates: readonly string[],
  n: number,
  live: boolean,
) {
  const created = random.int(700);
  const expires = random.pick(live ? LIVE_EXPIRIES : EXPIRIES);
  const firstCrate = random.pick(crates);
  const crateScopes = random.pick([null, [firstCrate], [`${login}*`], ['*']]);
  const token: SeedToken = {
    user: login,
    name: `${login} token ${n + 1}`,
    token: generateTokenPlaintext((max) => random.int(max)),
    endpoint_scopes: copyOrNull(random.pick(SCOPE_SETS)),
    crate_scopes: crateScopes,
    created_days_ago: created,
    last_used_days_ago: random.next() < 0.25 ? null : random.int(created + 1),
    // An expiry before the creation date would be odd; keep the date after it.
    expires_in_days: expires === null ? null : Math.max(expires, -created),
    // Drawn in the live variant too, so both take the same turns through the PRNG.
    revoked: random.next() < 0.05 && !live,
  };
  return token;
}

/**
 * A large, deterministic seed for load tests (e.g. 10 users × 500 tokens):
 * every kind of token, spread over two years, with crates to scope them to.
 */
export function generateSeed(options: GenerateSeedOptions): SeedFile {
  const { users, tokensPerUser, live = false } = options;
  if (!Number.isInteger(users) || users < 1) throw new Error('users must be at least 1');
  if (!Number.isInteger(tokensPerUser) || tokensPerUser < 0) {
    throw new Error('tokensPerUser must be a whole number');
  }
  if (tokensPerUser > MAX_TOKENS_PER_USER) {
    throw new Error(`crates.io allows at most ${MAX_TOKENS_PER_USER} tokens per user`);
  }
  const random = new SeededRandom(options.randomSeed ?? 42);
  const cratesPerUser = options.cratesPerUser ?? 5;
  const seed: Required<Pick<SeedFile, 'users' | 'crates' | 'tokens'>> & SeedFile = {
    description: `Generated: ${users} users × ${tokensPerUser} tokens${live ? ', all live' : ''}`,
    users: [],
    crates: [],
    tokens: [],
  };
  for (let u = 0; u < users; u += 1) {
    const login = userLogin(u);
    seed.users.push({ login, name: `Generated User ${u + 1}`, email: `${login}@example.com` });
    const crateNames: string[] = [];
    for (let k = 0; k < cratesPerUser; k += 1) {
      const krate: SeedCrate = {
        name: `${login}-crate-${k + 1}`,
        owners: [login],
        versions: ['0.1.0', '0.2.0', '1.0.0'],
        description: `Crate ${k + 1} of ${login}`,
        downloads: random.int(100_000),
      };
      seed.crates.push(krate);
      crateNames.push(krate.name);
    }
    for (let t = 0; t < tokensPerUser; t += 1) {
      seed.tokens.push(generateToken(random, login, crateNames, t, live));
    }
  }
  return seed;
}
