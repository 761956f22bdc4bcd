import { createHash } from 'node:crypto';
import type { CrateRecord, VersionRecord } from '../models/crate';
import { daysAfter, daysBefore } from '../models/time';
import { generateTokenPlaintext, hashToken, type TokenRecord } from '../models/token';
import type { UserRecord } from '../models/user';
import type { Database } from '../state/database';
import type {
  SeedCrate,
  SeedFile,
  SeedGithubConfig,
  SeedGitlabConfig,
  SeedToken,
  SeedUser,
} from './schema';

const DEFAULT_CRATE_AGE_DAYS = 365;
const DEFAULT_CONFIG_AGE_DAYS = 30;

/** A GitHub id for a user whose seed names none: stable for the login, in i32 range. */
export function derivedGithubId(login: string): number {
  const digest = createHash('sha256').update(login.toLowerCase()).digest();
  return 100_000_000 + (digest.readUInt32BE(0) % 900_000_000);
}

function toUser(db: Database, seed: SeedUser, now: Date): UserRecord {
  return {
    id: db.nextId('user'),
    login: seed.login,
    name: seed.name ?? null,
    email: seed.email ?? null,
    avatar: seed.avatar ?? null,
    emailVerified: seed.email_verified ?? true,
    isAdmin: seed.is_admin ?? false,
    publishNotifications: true,
    createdAt: daysBefore(now, seed.created_days_ago ?? 1000),
    githubId: seed.github_id ?? derivedGithubId(seed.login),
    githubLinked: seed.github_linked ?? true,
  };
}

function toVersions(db: Database, seed: SeedCrate, now: Date, publisher: number): VersionRecord[] {
  const age = seed.created_days_ago ?? DEFAULT_CRATE_AGE_DAYS;
  const specs = seed.versions ?? ['0.1.0'];
  return specs.map((spec, index) => {
    const version = typeof spec === 'string' ? { num: spec } : spec;
    // Spread versions without a date evenly from the crate's birth to today.
    const spread = specs.length === 1 ? age : age - (age * index) / (specs.length - 1);
    return {
      id: db.nextId('version'),
      num: version.num,
      yanked: version.yanked ?? false,
      createdAt: daysBefore(now, version.created_days_ago ?? spread),
      // Seeded versions have no .crate file; a stable fake checksum keeps the index well-formed.
      cksum: createHash('sha256').update(`${seed.name}-${version.num}`).digest('hex'),
      crateFile: null,
      deps: [],
      features: {},
      links: null,
      rustVersion: null,
      publishedBy: publisher,
    };
  });
}

function toCrate(db: Database, seed: SeedCrate, now: Date): CrateRecord {
  const ownerIds = seed.owners.map((login) => {
    const owner = db.userByLogin(login);
    if (!owner) throw new Error(`seed crate ${seed.name}: unknown owner ${login}`);
    return owner.id;
  });
  const [publisher = 0] = ownerIds;
  const id = db.nextId('crate');
  const versions = toVersions(db, seed, now, publisher);
  const createdAt = daysBefore(now, seed.created_days_ago ?? DEFAULT_CRATE_AGE_DAYS);
  return {
    id,
    name: seed.name,
    description: seed.description ?? null,
    homepage: seed.homepage ?? null,
    documentation: seed.documentation ?? null,
    repository: seed.repository ?? null,
    createdAt,
    updatedAt: versions.at(-1)?.createdAt ?? createdAt,
    downloads: seed.downloads ?? 0,
    versions,
    ownerIds,
    trustpubOnly: seed.trustpub_only ?? false,
  };
}

function addGithubConfig(db: Database, crateId: number, seed: SeedGithubConfig, now: Date): void {
  const owner = db.githubOwnerByLogin(seed.repository_owner);
  if (!owner) throw new Error(`seed GitHub config: unknown owner ${seed.repository_owner}`);
  db.githubConfigs.push({
    id: db.nextId('githubConfig'),
    crateId,
    repositoryOwner: owner.login,
    repositoryOwnerId: owner.id,
    repositoryName: seed.repository_name,
    workflowFilename: seed.workflow_filename,
    environment: seed.environment ?? null,
    createdAt: daysBefore(now, seed.created_days_ago ?? DEFAULT_CONFIG_AGE_DAYS),
  });
}

function addGitlabConfig(db: Database, crateId: number, seed: SeedGitlabConfig, now: Date): void {
  db.gitlabConfigs.push({
    id: db.nextId('gitlabConfig'),
    crateId,
    namespace: seed.namespace,
    namespaceId: null,
    project: seed.project,
    workflowFilepath: seed.workflow_filepath,
    environment: seed.environment ?? null,
    createdAt: daysBefore(now, seed.created_days_ago ?? DEFAULT_CONFIG_AGE_DAYS),
  });
}

function toToken(db: Database, seed: SeedToken, now: Date): TokenRecord {
  const owner = db.userByLogin(seed.user);
  if (!owner) throw new Error(`seed token ${seed.name}: unknown user ${seed.user}`);
  const lastUsed = seed.last_used_days_ago;
  const expires = seed.expires_in_days;
  return {
    id: db.nextId('token'),
    userId: owner.id,
    name: seed.name,
    hash: hashToken(seed.token ?? generateTokenPlaintext()),
    createdAt: daysBefore(now, seed.created_days_ago ?? 0),
    lastUsedAt: lastUsed === null || lastUsed === undefined ? null : daysBefore(now, lastUsed),
    expiredAt: expires === null || expires === undefined ? null : daysAfter(now, expires),
    endpointScopes: seed.endpoint_scopes ?? null,
    crateScopes: seed.crate_scopes ?? null,
    revoked: seed.revoked ?? false,
  };
}

/** Fills an empty database from a validated seed, times counted back from `now`. */
export function applySeed(db: Database, seed: SeedFile, now: Date): void {
  for (const user of seed.users) {
    const record = toUser(db, user, now);
    db.users.push(record);
    db.addGithubOwner({ login: record.login, id: record.githubId });
  }
  for (const owner of seed.github_owners ?? []) db.addGithubOwner(owner);
  for (const krate of seed.crates ?? []) {
    const record = toCrate(db, krate, now);
    db.crates.push(record);
    for (const config of krate.github_configs ?? []) addGithubConfig(db, record.id, config, now);
    for (const config of krate.gitlab_configs ?? []) addGitlabConfig(db, record.id, config, now);
  }
  // Ids grow with creation time as on crates.io, whatever order the seed lists tokens in.
  const tokens = [...(seed.tokens ?? [])].sort(
    (a, b) => (b.created_days_ago ?? 0) - (a.created_days_ago ?? 0),
  );
  for (const token of tokens) db.addToken(toToken(db, token, now));
}
