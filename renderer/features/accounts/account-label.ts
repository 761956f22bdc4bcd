import type { Account } from '../../../shared/domain/account';
import type { AccountFailureKind } from '../../../shared/domain/token';

/** The registry's host as people say it: `crates.io`, `staging.crates.io`, `localhost:8888`. */
export function registryHost(account: Pick<Account, 'registry'>): string {
  try {
    return new URL(account.registry.baseUrl).host;
  } catch {
    return account.registry.baseUrl;
  }
}

/** Accounts that can list tokens right now, in the order the app knows them. */
export function signedInAccounts(accounts: readonly Account[]): readonly Account[] {
  return accounts.filter((account) => account.status === 'signed-in');
}

/** The first letter of a login, for an avatar without an image. */
export function initialOf(login: string): string {
  return (login.trim().at(0) ?? '?').toUpperCase();
}

/**
 * The avatar URL to load, or null. Only hosts the page's CSP allows
 * (`img-src`) are used: anything else would be blocked and logged as a
 * violation, so the avatar falls back to the login's initial instead.
 */
export function allowedAvatarUrl(url: string | null): string | null {
  if (url === null) return null;
  if (url.startsWith('data:image/')) return url;
  try {
    const { protocol, hostname } = new URL(url);
    const github =
      hostname === 'githubusercontent.com' || hostname.endsWith('.githubusercontent.com');
    return protocol === 'https:' && github ? url : null;
  } catch {
    return null;
  }
}

/** "ferris on crates.io": an account as sentences and accessible names refer to it. */
export function accountWhere(account: Pick<Account, 'login' | 'registry'>): string {
  return `${account.login} on ${registryHost(account)}`;
}

/** What an account's status chip says, whether it asks the user to act, and why. */
export interface AccountStatusLabel {
  readonly label: string;
  readonly needsAction: boolean;
  /** Set when the session is fine but its tokens could not be refreshed. */
  readonly trouble?: string;
}

/**
 * A signed-in account whose registry the last list could not read is not
 * plainly "Signed in": the session may be fine, but nothing is confirmed.
 */
export function accountStatusLabel(
  account: Pick<Account, 'status'>,
  trouble?: { readonly kind: AccountFailureKind; readonly message: string },
): AccountStatusLabel {
  if (account.status !== 'signed-in')
    // The card's own button says "Sign in again": the chip says it once, not twice.
    return { label: 'Signed out', needsAction: true };
  switch (trouble?.kind) {
    case 'offline':
      return { label: 'Registry unreachable', needsAction: false, trouble: trouble.message };
    case 'rate-limited':
      return { label: 'Registry busy', needsAction: false, trouble: trouble.message };
    case 'locked':
      return { label: 'Vault locked', needsAction: false, trouble: trouble.message };
    default:
      return { label: 'Signed in', needsAction: false };
  }
}

/** Why an account shows a cargo name: it is how cargo's own files refer to the registry. */
export function cargoNameHint(name: string): string {
  return name === 'crates-io'
    ? 'cargo knows crates.io as “crates-io”: its token goes under [registry] in credentials.toml.'
    : `cargo knows this registry as “${name}” in its config: [registries.${name}] in config.toml and credentials.toml.`;
}
