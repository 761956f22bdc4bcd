import type { Options } from 'conf';
import { z } from 'zod';
import { accountSchema, type Account } from '../../../shared/domain/account';
import {
  DEFAULT_PROVIDER_MEMORY,
  DEFAULT_SETTINGS,
  DEFAULT_WATCH_MEMORY,
  importedTokenSchema,
  providerMemorySchema,
  settingsSchema,
  watchMemorySchema,
  type Metadata,
  type Settings,
  type WatchMemory,
} from './metadata';

/**
 * Metadata format versions and the steps between them, run by conf (and
 * electron-store, which is conf) when it opens a file written by an older
 * version. conf records the last version applied in the file itself
 * (`__internal__.migrations.version`).
 *
 * conf also runs every step on a brand-new file (it starts from 0.0.0), so
 * each step must leave data already in the newer shape untouched.
 */
export const METADATA_FORMAT_VERSION = '0.4.0';

/**
 * The first metadata shape (0.1.0): accounts flattened, the registry known
 * only by URL and the status as a boolean; settings under shorter names; no
 * imported tokens.
 */
const accountV010Schema = z.object({
  id: z.string().min(1),
  registryUrl: z.url({ protocol: /^https?$/ }),
  userId: z.int(),
  login: z.string(),
  avatar: z.string().nullable().optional(),
  signedIn: z.boolean(),
});
type AccountV010 = z.infer<typeof accountV010Schema>;

const settingsV010Schema = z
  .object({ warnDays: z.array(z.int()), clipboardSeconds: z.int() })
  .partial();

/** cargo's names for the two public registries; others get one made from the host. */
const KNOWN_REGISTRY_NAMES: Readonly<Record<string, string>> = {
  'crates.io': 'crates-io',
  'staging.crates.io': 'staging-crates-io',
};

function accountFromV010(old: AccountV010): Account {
  const url = new URL(old.registryUrl);
  return accountSchema.parse({
    id: old.id,
    registry: {
      name: KNOWN_REGISTRY_NAMES[url.host] ?? url.host.replace(/[^A-Za-z0-9]+/g, '-'),
      baseUrl: url.origin,
    },
    userId: old.userId,
    login: old.login,
    displayName: null,
    avatarUrl: old.avatar ?? null,
    status: old.signedIn ? 'signed-in' : 'signed-out',
  });
}

/** As many warning days as the settings schema takes. */
const MAX_WARNING_DAYS = 6;

/** The warning days a stricter schema accepts, in the user's order; null when none is left. */
function usableWarningDays(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const days = value.filter(
    (day): day is number => Number.isInteger(day) && Number(day) >= 1 && Number(day) <= 365,
  );
  const distinct = [...new Set(days)].slice(0, MAX_WARNING_DAYS);
  return distinct.length > 0 ? distinct : null;
}

/**
 * Settings of any earlier shape made whole: the 0.1.0 names, the 0.2.0 ones
 * (warning days, clipboard and idle-lock only), or the current ones with some
 * missing. Each value the user set is kept when the current schema accepts it
 * (warning days are cleaned rather than dropped); anything else gets its
 * default, so a new setting never costs the user an old one.
 */
export function repairSettings(value: unknown): Settings {
  const current = settingsSchema.safeParse(value);
  if (current.success) return current.data;
  const stored: Record<string, unknown> =
    value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
  const old = settingsV010Schema.safeParse(stored);
  const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (old.success) {
    const legacyDays = usableWarningDays(old.data.warnDays);
    if (legacyDays) repaired['warningDays'] = legacyDays;
    const seconds = old.data.clipboardSeconds;
    if (seconds !== undefined && seconds >= 5 && seconds <= 600) {
      repaired['clipboardClearSeconds'] = seconds;
    }
  }
  for (const [name, schema] of Object.entries(settingsSchema.shape)) {
    if (!(name in stored)) continue;
    const field = schema.safeParse(stored[name]);
    if (field.success) {
      repaired[name] = field.data;
    } else if (name === 'warningDays') {
      repaired[name] = usableWarningDays(stored[name]) ?? repaired[name];
    }
  }
  return settingsSchema.parse(repaired);
}

/**
 * 0.1.0 → 0.2.0, as a pure function over the whole stored object. An entry
 * that is neither shape throws: conf then restores the file as it was and the
 * app reports it, rather than dropping the user's accounts.
 */
export function migrateMetadataTo020(
  stored: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const accounts = z.array(z.unknown()).parse(stored['accounts'] ?? []);
  return {
    // Later keys ride along untouched; their own steps deal with them.
    ...(stored['watch'] === undefined ? {} : { watch: stored['watch'] }),
    ...(stored['provider'] === undefined ? {} : { provider: stored['provider'] }),
    accounts: accounts.map((entry) => {
      const current = accountSchema.safeParse(entry);
      return current.success ? current.data : accountFromV010(accountV010Schema.parse(entry));
    }),
    importedTokens: z.array(importedTokenSchema).parse(stored['importedTokens'] ?? []),
    settings: repairSettings(stored['settings']),
  };
}

/**
 * 0.2.0 → 0.3.0 (the expiry watch): settings gain notifications, the refresh
 * interval, keep-in-tray, start-at-login and CARGO_HOME, all defaulted while
 * the user's warning days, clipboard and idle-lock values are kept; the
 * watch's memory (what was notified) starts empty.
 */
export function migrateMetadataTo030(
  stored: Readonly<Record<string, unknown>>,
): Omit<Metadata, 'provider'> & { provider?: unknown } {
  const watch = watchMemorySchema.safeParse(stored['watch']);
  const memory: WatchMemory = watch.success ? watch.data : structuredClone(DEFAULT_WATCH_MEMORY);
  return {
    // Later keys ride along untouched; their own steps deal with them.
    ...(stored['provider'] === undefined ? {} : { provider: stored['provider'] }),
    accounts: z.array(accountSchema).parse(stored['accounts'] ?? []),
    importedTokens: z.array(importedTokenSchema).parse(stored['importedTokens'] ?? []),
    settings: repairSettings(stored['settings']),
    watch: memory,
  };
}

/**
 * 0.3.0 → 0.4.0 (the credential provider): its policies and audit start
 * empty; a provider memory that does not fit is started afresh (it holds no
 * user data that cannot be made again: default policies and a request log).
 */
export function migrateMetadataTo040(stored: Readonly<Record<string, unknown>>): Metadata {
  const earlier = migrateMetadataTo030(stored);
  const provider = providerMemorySchema.safeParse(stored['provider']);
  return {
    ...earlier,
    provider: provider.success ? provider.data : structuredClone(DEFAULT_PROVIDER_MEMORY),
  };
}

export const metadataMigrations: NonNullable<Options<Metadata>['migrations']> = {
  '0.2.0': (store) => {
    store.store = migrateMetadataTo020(store.store) as Metadata;
  },
  '0.3.0': (store) => {
    store.store = migrateMetadataTo030(store.store) as Metadata;
  },
  '0.4.0': (store) => {
    store.store = migrateMetadataTo040(store.store);
  },
};
