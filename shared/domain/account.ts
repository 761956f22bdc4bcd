import { z } from 'zod';

/** A registry that speaks the crates.io API, identified by its web origin. */
export const registrySchema = z.object({
  /** Name as cargo knows it: `crates-io` for crates.io, else the `[registries.NAME]` key. */
  name: z.string().min(1),
  /** Base URL of the website and API, e.g. `https://crates.io`. */
  baseUrl: z.url({ protocol: /^https?$/ }),
});
export type Registry = z.infer<typeof registrySchema>;

export const CRATES_IO: Registry = { name: 'crates-io', baseUrl: 'https://crates.io' };
export const STAGING_CRATES_IO: Registry = {
  name: 'staging-crates-io',
  baseUrl: 'https://staging.crates.io',
};

export const accountStatusSchema = z.enum(['signed-in', 'signed-out']);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** What the renderer may know of an account: never its session cookie. */
export const accountSchema = z.object({
  id: z.string().min(1),
  registry: registrySchema,
  userId: z.number().int(),
  login: z.string(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  status: accountStatusSchema,
});
export type Account = z.infer<typeof accountSchema>;

/** Stable account id: one user on one registry. */
export function accountIdOf(registry: Registry, userId: number): string {
  return `${new URL(registry.baseUrl).host}#${userId}`;
}
