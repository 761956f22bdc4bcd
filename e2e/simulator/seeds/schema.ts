import { z } from 'zod';
import { isValidCratePattern } from '../../../shared/domain/crate-pattern';
import { endpointScopeSchema } from '../../../shared/domain/scopes';
import {
  githubConfigProblem,
  gitlabConfigProblem,
  MAX_CONFIGS_PER_PROVIDER,
} from '../../../shared/domain/trusted-publishing';
import { canonicalCrateName } from '../models/crate';
import { isSemver } from '../models/semver';
import { TOKEN_PATTERN } from '../models/token';

/** Times in a seed are relative to the simulator clock, so a demo looks right on any date. */
const daysAgo = z.number().nonnegative();
const optionalText = z.string().nullable().optional();

const githubLogin = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, 'a GitHub-style login');
/** GitHub ids are saved in an i32 column on crates.io. */
const githubId = z.number().int().positive().max(2_147_483_647);

const seedUserSchema = z.strictObject({
  login: githubLogin,
  name: optionalText,
  email: optionalText,
  avatar: optionalText,
  /** Publishing needs a verified e-mail address, as on crates.io; default true. */
  email_verified: z.boolean().optional(),
  is_admin: z.boolean().optional(),
  created_days_ago: daysAgo.optional(),
  /** The GitHub account's id; absent = a stable one derived from the login. */
  github_id: githubId.optional(),
  /**
   * crates.io holds a GitHub token for the user; default true. false = creating
   * a GitHub trusted-publishing config is refused (`Must have a linked GitHub account...`).
   */
  github_linked: z.boolean().optional(),
});

/**
 * A GitHub organization (or user without a crates.io account) the simulated
 * GitHub API knows; every seeded user's login is known too.
 */
const seedGithubOwnerSchema = z.strictObject({ login: githubLogin, id: githubId });

const environment = z.string().nullable().optional();

/** A GitHub Actions trusted-publishing config; `repository_owner` must be a known GitHub owner. */
const seedGithubConfigSchema = z
  .strictObject({
    repository_owner: z.string(),
    repository_name: z.string(),
    workflow_filename: z.string(),
    /** null or absent = any environment. */
    environment,
    /** Default 30. */
    created_days_ago: daysAgo.optional(),
  })
  .superRefine((config, context) => {
    const problem = githubConfigProblem({
      repositoryOwner: config.repository_owner,
      repositoryName: config.repository_name,
      workflowFilename: config.workflow_filename,
      environment: config.environment ?? null,
    });
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** A GitLab CI/CD trusted-publishing config. */
const seedGitlabConfigSchema = z
  .strictObject({
    namespace: z.string(),
    project: z.string(),
    workflow_filepath: z.string(),
    environment,
    created_days_ago: daysAgo.optional(),
  })
  .superRefine((config, context) => {
    const problem = gitlabConfigProblem({
      namespace: config.namespace,
      project: config.project,
      workflowFilepath: config.workflow_filepath,
      environment: config.environment ?? null,
    });
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

const versionNumber = z.string().refine(isSemver, 'a SemVer version');
const seedVersionSchema = z.union([
  versionNumber,
  z.strictObject({
    num: versionNumber,
    yanked: z.boolean().optional(),
    created_days_ago: daysAgo.optional(),
  }),
]);

const seedCrateSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a valid crate name'),
  /** Logins of the user owners, first = the one who published it. */
  owners: z.array(z.string()).min(1),
  /** Oldest first; default `["0.1.0"]`. */
  versions: z.array(seedVersionSchema).min(1).optional(),
  description: optionalText,
  homepage: optionalText,
  documentation: optionalText,
  repository: optionalText,
  downloads: z.number().int().nonnegative().optional(),
  created_days_ago: daysAgo.optional(),
  /** Only trusted publishing may publish new versions; default false. */
  trustpub_only: z.boolean().optional(),
  /** At most 5 per provider, as crates.io allows. */
  github_configs: z.array(seedGithubConfigSchema).max(MAX_CONFIGS_PER_PROVIDER).optional(),
  gitlab_configs: z.array(seedGitlabConfigSchema).max(MAX_CONFIGS_PER_PROVIDER).optional(),
});

const seedTokenSchema = z.strictObject({
  /** Login of the token's owner. */
  user: z.string(),
  name: z.string().min(1),
  /** The plaintext, so tests can use the token; hashed on load. Absent = nobody knows it. */
  token: z.string().regex(TOKEN_PATTERN, 'cio followed by 32 ASCII alphanumerics').optional(),
  /** null or absent = legacy token. */
  endpoint_scopes: z.array(endpointScopeSchema).nullable().optional(),
  crate_scopes: z
    .array(z.string().refine(isValidCratePattern, 'a crate pattern crates.io accepts'))
    .nullable()
    .optional(),
  created_days_ago: daysAgo.optional(),
  /** null or absent = never used. */
  last_used_days_ago: daysAgo.nullable().optional(),
  /** null or absent = never expires; negative = already expired that many days ago. */
  expires_in_days: z.number().nullable().optional(),
  revoked: z.boolean().optional(),
});

/** Every GitHub login the simulated GitHub knows: the users' and the extra owners'. */
function checkGithubOwners(seed: SeedFileShape, context: z.RefinementCtx): Set<string> {
  const known = new Set(seed.users.map((user) => user.login.toLowerCase()));
  (seed.github_owners ?? []).forEach((owner, index) => {
    const key = owner.login.toLowerCase();
    if (known.has(key)) {
      const path = ['github_owners', index, 'login'];
      context.addIssue({ code: 'custom', path, message: 'duplicate (users are known already)' });
    }
    known.add(key);
  });
  return known;
}

function checkGithubConfigOwners(
  seed: SeedFileShape,
  known: ReadonlySet<string>,
  context: z.RefinementCtx,
): void {
  (seed.crates ?? []).forEach((krate, index) => {
    (krate.github_configs ?? []).forEach((config, configIndex) => {
      if (known.has(config.repository_owner.toLowerCase())) return;
      const path = ['crates', index, 'github_configs', configIndex, 'repository_owner'];
      const message = `unknown GitHub owner ${config.repository_owner} (add it to github_owners)`;
      context.addIssue({ code: 'custom', path, message });
    });
  });
}

function checkReferences(seed: SeedFileShape, context: z.RefinementCtx): void {
  const logins = new Set<string>();
  seed.users.forEach((user, index) => {
    const key = user.login.toLowerCase();
    if (logins.has(key)) {
      context.addIssue({ code: 'custom', path: ['users', index, 'login'], message: 'duplicate' });
    }
    logins.add(key);
  });
  checkGithubConfigOwners(seed, checkGithubOwners(seed, context), context);
  const names = new Set<string>();
  (seed.crates ?? []).forEach((krate, index) => {
    const key = canonicalCrateName(krate.name);
    if (names.has(key)) {
      context.addIssue({ code: 'custom', path: ['crates', index, 'name'], message: 'duplicate' });
    }
    names.add(key);
    krate.owners.forEach((owner, ownerIndex) => {
      if (!logins.has(owner.toLowerCase())) {
        const path = ['crates', index, 'owners', ownerIndex];
        context.addIssue({ code: 'custom', path, message: `unknown user ${owner}` });
      }
    });
  });
  (seed.tokens ?? []).forEach((token, index) => {
    if (!logins.has(token.user.toLowerCase())) {
      const path = ['tokens', index, 'user'];
      context.addIssue({ code: 'custom', path, message: `unknown user ${token.user}` });
    }
  });
}

const seedFileShape = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  /** The first user is the one the simulated GitHub signs in by default. */
  users: z.array(seedUserSchema).min(1),
  /** GitHub organizations a trusted-publishing config may name besides the users. */
  github_owners: z.array(seedGithubOwnerSchema).optional(),
  crates: z.array(seedCrateSchema).optional(),
  tokens: z.array(seedTokenSchema).optional(),
});
type SeedFileShape = z.infer<typeof seedFileShape>;

/** A seed file: users, crates with owners, and tokens, all times relative to "now". */
export const seedFileSchema = seedFileShape.superRefine(checkReferences);
export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedUser = z.infer<typeof seedUserSchema>;
export type SeedCrate = z.infer<typeof seedCrateSchema>;
export type SeedToken = z.infer<typeof seedTokenSchema>;
export type SeedGithubConfig = z.infer<typeof seedGithubConfigSchema>;
export type SeedGitlabConfig = z.infer<typeof seedGitlabConfigSchema>;
