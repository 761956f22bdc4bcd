/**
 * How the core reads and changes cargo's config.toml for the credential
 * provider ("Connect cargo"). The cargo room implements it
 * (electron/core/cargo/provider-config.ts); the provider's handlers consume it.
 */

export interface ProviderConfigState {
  /** cargo's config.toml names our provider. */
  readonly connected: boolean;
  /** $CARGO_HOME/config.toml (or the legacy `config`); null when CARGO_HOME is unknown. */
  readonly configFile: string | null;
  /** The file could not be read or parsed (parser message with line/column); else null. */
  readonly problem: string | null;
  /** Registry name → the registry-specific provider that would be asked instead of ours. */
  readonly shadowedBy: Readonly<Record<string, string>>;
}

export interface ProviderConfigPort {
  read(): Promise<ProviderConfigState>;
  /** Writes our provider (format-preserving); idempotent. */
  connect(): Promise<ProviderConfigState>;
  /** Removes exactly what connect added. */
  disconnect(): Promise<ProviderConfigState>;
  /** config.toml changed on disk. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

const NOT_CONNECTED: ProviderConfigState = {
  connected: false,
  configFile: null,
  problem: null,
  shadowedBy: {},
};

/**
 * A config that is never connected and never changes: for tests, and for a
 * core built without a cargo home.
 */
export const notConnectedConfig: ProviderConfigPort = {
  read: () => Promise.resolve(NOT_CONNECTED),
  connect: () => Promise.resolve(NOT_CONNECTED),
  disconnect: () => Promise.resolve(NOT_CONNECTED),
  onChange: () => () => undefined,
};

/** A config Connect cargo cannot write (no usable executable path): `problem` says why. */
export function unavailableConfig(problem: string): ProviderConfigPort {
  const state: ProviderConfigState = {
    connected: false,
    configFile: null,
    problem,
    shadowedBy: {},
  };
  return {
    read: () => Promise.resolve(state),
    connect: () => Promise.resolve(state),
    disconnect: () => Promise.resolve(state),
    onChange: () => () => undefined,
  };
}
