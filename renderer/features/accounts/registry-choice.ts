import {
  CRATES_IO,
  STAGING_CRATES_IO,
  isLoopbackHostname,
  type Account,
  type Registry,
} from '../../../shared/domain/account';
import { registryNamingProblem } from '../../../shared/domain/registry-name';

/** One registry the "Add account" dialog offers by name, without typing its address. */
export interface RegistryOption {
  /** The radio value: `preset:crates-io`, or `known:<base URL>` for one the user added before. */
  readonly value: string;
  readonly registry: Registry;
  readonly label: string;
  readonly hint: string;
}

/** The radio value of "Other registry", whose address the user types. */
export const OTHER_REGISTRY = 'other';

const PRESETS: readonly RegistryOption[] = [
  {
    value: 'preset:crates-io',
    registry: CRATES_IO,
    label: 'crates.io',
    hint: "The Rust community's registry",
  },
  {
    value: 'preset:staging-crates-io',
    registry: STAGING_CRATES_IO,
    label: 'staging.crates.io',
    hint: "crates.io's test instance",
  },
];

/**
 * crates.io, staging.crates.io, then every other registry the user already
 * has an account on (so a second account there needs no typing), once each.
 */
export function registryOptions(accounts: readonly Account[]): readonly RegistryOption[] {
  const known = new Map<string, RegistryOption>();
  for (const { registry } of accounts) {
    const preset = PRESETS.some((option) => option.registry.baseUrl === registry.baseUrl);
    if (preset || known.has(registry.baseUrl)) continue;
    known.set(registry.baseUrl, {
      value: `known:${registry.baseUrl}`,
      registry,
      label: hostOf(registry.baseUrl),
      hint: `As "${registry.name}" in cargo's config`,
    });
  }
  return [...PRESETS, ...known.values()];
}

export type BaseUrlCheck =
  | { readonly ok: true; readonly baseUrl: string }
  | { readonly ok: false; readonly message: string };

/**
 * Checks what the user typed as a registry's address and normalises it to
 * what the core expects: an http(s) origin, plus a path only when the
 * registry lives below one, never a trailing slash.
 */
export function checkBaseUrl(text: string): BaseUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return {
      ok: false,
      message: "Enter the registry's address, e.g. https://registry.example.com.",
    };
  }
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)) {
    return {
      ok: false,
      message: 'Start the address with https:// (or http:// for a registry on this machine).',
    };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'This is not a web address. Check it for typos.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Use an https:// or http:// address.' };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: 'Leave the user name and password out: you sign in in the sign-in window.',
    };
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return {
      ok: false,
      message:
        'Plain http would send your session unencrypted: use https://. (http:// is allowed only for a registry on this machine.)',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: "Use the registry's base address, without ? or #." };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, baseUrl: `${url.origin}${path}` };
}

/**
 * A cargo registry name for an address: crates.io and staging.crates.io get
 * their presets' names; others their host with dots as dashes, and the port
 * when there is one, so two local registries do not share a name. cargo
 * refuses names that start with a digit, so this machine's addresses become
 * `localhost` and other IP addresses get an `ip-` prefix.
 */
export function registryNameFromUrl(baseUrl: string): string {
  const preset = PRESETS.find((option) => option.registry.baseUrl === baseUrl);
  if (preset) return preset.registry.name;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return '';
  }
  const bare = url.hostname.replace(/^\[|\]$/g, '').replace(/^www\./, '');
  const host = isLoopbackHostname(url.hostname) ? 'localhost' : bare;
  const name = [host, url.port]
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (/^[0-9]/.test(name) ? `ip-${name}` : name).slice(0, 64);
}

/**
 * Why `name` cannot be this registry's name in cargo's config, or null. It
 * must be a valid key, must not already stand for another registry
 * (`crates-io` is crates.io's), and a registry the user already has accounts
 * on keeps the name they gave it.
 */
export function registryNameProblem(
  name: string,
  baseUrl: string,
  accounts: readonly Account[],
): string | null {
  if (name === '') return "Enter the name this registry has in cargo's config ([registries.NAME]).";
  const naming = registryNamingProblem(name, baseUrl);
  if (naming !== null) return naming;
  const other = accounts.find(
    (account) => account.registry.name === name && account.registry.baseUrl !== baseUrl,
  );
  if (other) {
    return `"${name}" already names ${hostOf(other.registry.baseUrl)}. Choose another name.`;
  }
  const known = knownRegistryName(baseUrl, accounts);
  if (known !== null && known !== name) {
    return `Your other accounts on ${hostOf(baseUrl)} call it "${known}": use the same name.`;
  }
  return null;
}

/** The cargo name the user's accounts already use for this registry, or null. */
export function knownRegistryName(baseUrl: string, accounts: readonly Account[]): string | null {
  return accounts.find((account) => account.registry.baseUrl === baseUrl)?.registry.name ?? null;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
