import type { CargoOverride } from '../../../shared/domain/cargo-use';
import { CRATES_IO_CARGO_NAME, tokenTablePath, valueAt } from './credentials-edit';
import { CRATEKEEPER_ALIAS } from './provider-config-edit';

/** cargo's environment variable for a registry's token (NAME upper-cased, `-` → `_`). */
export function tokenVariableOf(registry: string): string {
  return registry === CRATES_IO_CARGO_NAME
    ? 'CARGO_REGISTRY_TOKEN'
    : `CARGO_REGISTRIES_${registry.toUpperCase().replace(/-/g, '_')}_TOKEN`;
}

function providerVariableOf(registry: string): string {
  return registry === CRATES_IO_CARGO_NAME
    ? 'CARGO_REGISTRY_CREDENTIAL_PROVIDER'
    : `CARGO_REGISTRIES_${registry.toUpperCase().replace(/-/g, '_')}_CREDENTIAL_PROVIDER`;
}

/** A provider as configured (a string, or an array whose first item is the provider). */
function providerName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim().split(/\s+/)[0] ?? null;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** The providers in `registry.global-credential-providers` (string or array form). */
function globalProviders(config: unknown, env: Readonly<Record<string, string | undefined>>) {
  const fromEnv = env.CARGO_REGISTRY_GLOBAL_CREDENTIAL_PROVIDERS;
  if (fromEnv) return fromEnv.split(/\s+/).filter(Boolean);
  const value = valueAt(config, ['registry', 'global-credential-providers']);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return null;
}

export interface OverrideFindings {
  readonly overrides: CargoOverride[];
  /** false when cargo never reads the credentials file for this registry. */
  readonly fileIsRead: boolean;
}

/**
 * What makes cargo use something other than the credentials file's token for
 * a registry (cargo/NOTES.md): an environment variable of the app's
 * environment, a credential provider for that registry or for all, and a
 * `token` in CARGO_HOME's config.toml (which cargo reads only when the
 * credentials file has none: said as such, it does not hide the file).
 */
export function findOverrides(
  registry: string,
  config: unknown,
  env: Readonly<Record<string, string | undefined>>,
): OverrideFindings {
  const overrides: CargoOverride[] = [];
  let fileIsRead = true;

  const variable = tokenVariableOf(registry);
  if (env[variable]) {
    overrides.push({
      kind: 'environment',
      message: `${variable} is set in Cratekeeper's environment: cargo started the same way uses it instead of the credentials file.`,
    });
  }

  const table = tokenTablePath(registry);
  const own = providerName(
    env[providerVariableOf(registry)] ?? valueAt(config, [...table, 'credential-provider']),
  );
  if (own !== null && own !== 'cargo:token') {
    fileIsRead = false;
    overrides.push({
      kind: 'credential-provider',
      message: `cargo asks the credential provider "${own}" for ${registry} and never reads the credentials file for it.`,
    });
  } else if (own === null) {
    const global = globalProviders(config, env);
    if (global && !global.includes('cargo:token')) {
      fileIsRead = false;
      overrides.push({
        kind: 'credential-provider',
        message: `registry.global-credential-providers does not list cargo:token, so cargo never reads the credentials file (it asks ${global.map((name) => `"${name}"`).join(', ')}).`,
      });
    } else if (global) {
      const first = global.slice(global.indexOf('cargo:token') + 1).reverse();
      if (first.includes(CRATEKEEPER_ALIAS)) {
        // Connect cargo: our provider answers not-found only when it holds nothing it may hand out there.
        overrides.push({
          kind: 'credential-provider',
          message: `cargo is connected to Cratekeeper: it asks Cratekeeper's credential provider first and reads the credentials file for ${registry} only when Cratekeeper holds no token for it, or has no fitting one and ${registry} is set to fall through.`,
        });
      } else if (first.length > 0) {
        overrides.push({
          kind: 'credential-provider',
          message: `cargo asks ${first.map((name) => `"${name}"`).join(', ')} before the credentials file (registry.global-credential-providers); the file's token is used only when they have none.`,
        });
      }
    }
  }

  if (typeof valueAt(config, [...table, 'token']) === 'string') {
    overrides.push({
      kind: 'config-token',
      message: `cargo's config.toml also has a token for ${registry}. cargo prefers the credentials file's token and falls back to that one when the file has none.`,
    });
  }
  return { overrides, fileIsRead };
}
