import {
  CRATES_IO,
  STAGING_CRATES_IO,
  type Account,
  type Registry,
} from '../../../shared/domain/account';
import { cargoRegistryNameSchema } from '../../../shared/domain/token-import';

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
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: "Use the registry's base address, without ? or #." };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, baseUrl: `${url.origin}${path}` };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * A warning (not an error) for plain http to another machine: the session
 * cookie, the app's most valuable secret, would cross the network unencrypted.
 */
export function plainHttpWarning(baseUrl: string): string | null {
  try {
    const { protocol, hostname } = new URL(baseUrl);
    if (protocol !== 'http:' || LOOPBACK.test(hostname)) return null;
  } catch {
    return null;
  }
  return 'Plain http sends your session unencrypted. Use https unless the registry runs on a network you trust.';
}

/**
 * A cargo registry name for an address: crates.io and staging.crates.io get
 * their presets' names; others their host with dots as dashes, and the port
 * when there is one, so two local registries do not share a name.
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
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/^www\./, '');
  const name = [host, url.port]
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name.slice(0, 64);
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
  const parsed = cargoRegistryNameSchema.safeParse(name);
  if (!parsed.success) {
    return name === ''
      ? "Enter the name this registry has in cargo's config ([registries.NAME])."
      : (parsed.error.issues[0]?.message ?? 'This name cannot be used in cargo config.');
  }
  if (name === CRATES_IO.name && baseUrl !== CRATES_IO.baseUrl) {
    return '"crates-io" is cargo\'s name for crates.io. Choose another name.';
  }
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
