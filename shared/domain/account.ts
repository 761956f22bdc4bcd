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

/**
 * Hosts whose traffic never leaves this machine: `localhost`, 127.0.0.0/8 and
 * ::1. Takes a URL's `hostname` (IPv6 in brackets, as URL gives it) or a bare
 * address. Strict on purpose: `localhost.` and `*.localhost` may be resolved
 * by DNS, which an attacker on the network may answer.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

/**
 * Whether the app may hold a session for a registry at this address: https
 * anywhere, plain http only to this machine (a local simulator or mirror).
 * Elsewhere plain http would carry the session cookie, the app's most
 * valuable secret, across the network in clear text. The core enforces this;
 * the renderer may use it to say so before the user tries.
 */
export function isAllowedRegistryUrl(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHostname(url.hostname);
}
