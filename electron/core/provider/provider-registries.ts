import type { Account } from '../../../shared/domain/account';
import { CRATES_IO_CARGO_NAME, parseToml } from '../cargo/credentials-edit';
import { configPathIn, readCredentialsText } from '../cargo/credentials-file';
import type { RegistryNames } from '../cargo/registry-names';
import { CRATES_IO_INDEX_URLS } from './wire';

/** A registry the provider can hand tokens out for. */
export interface ProviderRegistry {
  /** cargo's name for it (`crates-io` for crates.io): the key of its policy and audit. */
  readonly registryName: string;
  /** The web API's base URL; null when only imported tokens name the registry. */
  readonly baseUrl: string | null;
  /** How a message names it: the host (`crates.io`), else cargo's name. */
  readonly label: string;
  /** The accounts signed in (or once signed in) to it. */
  readonly accounts: readonly Account[];
}

export interface ProviderRegistriesPorts {
  readonly accounts: () => readonly Account[];
  /** cargo's registry names of the imported tokens. */
  readonly importedRegistryNames: () => readonly string[];
  readonly names: RegistryNames;
  /** The CARGO_HOME in use (cargo's config names the other registries). */
  readonly cargoHome: () => Promise<string>;
}

const CRATES_IO_ORIGIN = 'https://crates.io';

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * Which registry cargo means (by its index URL, as cargo keys providers) and
 * which registries the app holds tokens for (for the Settings page), named as
 * cargo names them.
 */
export class ProviderRegistries {
  constructor(private readonly ports: ProviderRegistriesPorts) {}

  /**
   * The registry of cargo's request, or null when the app knows no such
   * registry: crates.io by its index URLs; a sparse index by the API its
   * `config.json` names; else imported tokens under cargo's name for it.
   */
  async resolve(indexUrl: string, cargoName: string | undefined): Promise<ProviderRegistry | null> {
    const index = withoutTrailingSlash(indexUrl);
    const isCratesIo = CRATES_IO_INDEX_URLS.some((known) => withoutTrailingSlash(known) === index);
    if (isCratesIo) return this.registryAt(CRATES_IO_ORIGIN, CRATES_IO_CARGO_NAME);
    const api = await this.ports.names.apiBaseOf(indexUrl);
    if (api !== null) {
      const accounts = this.accountsAt(api);
      const first = accounts[0];
      if (first) return this.registryAt(api, cargoName ?? first.registry.name);
    }
    if (cargoName !== undefined && this.ports.importedRegistryNames().includes(cargoName)) {
      return { registryName: cargoName, baseUrl: null, label: cargoName, accounts: [] };
    }
    return null;
  }

  /** Every registry with an account or an imported token, by cargo's name. */
  async list(): Promise<ProviderRegistry[]> {
    const config = await this.readConfig();
    const byName = new Map<string, { baseUrl: string | null; accounts: Account[] }>();
    for (const account of this.ports.accounts()) {
      const name = await this.ports.names.cargoNameOf(account.registry, config);
      const entry = byName.get(name) ?? {
        baseUrl: withoutTrailingSlash(account.registry.baseUrl),
        accounts: [],
      };
      entry.accounts.push(account);
      byName.set(name, entry);
    }
    for (const name of this.ports.importedRegistryNames()) {
      if (!byName.has(name)) byName.set(name, { baseUrl: null, accounts: [] });
    }
    return [...byName.entries()]
      .map(([registryName, { baseUrl, accounts }]) => ({
        registryName,
        baseUrl,
        label: baseUrl === null ? registryName : hostOf(baseUrl),
        accounts,
      }))
      .sort((a, b) => a.registryName.localeCompare(b.registryName));
  }

  private registryAt(baseUrl: string, registryName: string): ProviderRegistry {
    return { registryName, baseUrl, label: hostOf(baseUrl), accounts: this.accountsAt(baseUrl) };
  }

  private accountsAt(baseUrl: string): Account[] {
    return this.ports
      .accounts()
      .filter((account) => withoutTrailingSlash(account.registry.baseUrl) === baseUrl);
  }

  private async readConfig(): Promise<unknown> {
    try {
      const path = await configPathIn(await this.ports.cargoHome());
      const text = await readCredentialsText(path);
      return text === null ? {} : parseToml(text, path);
    } catch {
      // Names only: a broken config is cargo's (and Connect cargo's) to report.
      return {};
    }
  }
}
