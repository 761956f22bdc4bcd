import { z } from 'zod';
import { isValidCratePattern } from '../../../shared/domain/crate-pattern';
import { endpointScopeSchema } from '../../../shared/domain/scopes';
import { canonicalCrateName } from '../models/crate';
import { isSemver } from '../models/semver';
import { TOKEN_PATTERN } from '../models/token';

/** Times in a seed are relative to the simulator clock, so a demo looks right on any date. */
const daysAgo = z.number().nonnegative();
const optionalText = z.string().nullable().optional();

const seedUserSchema = z.strictObject({
  login: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, 'a GitHub-style login'),
  name: optionalText,
  email: optionalText,
  avatar: optionalText,
  /** Publishing needs a verified e-mail address, as on crates.io; default true. */
  email_verified: z.boolean().optional(),
  is_admin: z.boolean().optional(),
  created_days_ago: daysAgo.optional(),
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

function checkReferences(seed: SeedFileShape, context: z.RefinementCtx): void {
  const logins = new Set<string>();
  seed.users.forEach((user, index) => {
    const key = user.login.toLowerCase();
    if (logins.has(key)) {
      context.addIssue({ code: 'custom', path: ['users', index, 'login'], message: 'duplicate' });
    }
    logins.add(key);
  });
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
