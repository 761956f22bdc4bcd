import type { Options } from 'conf';
import { z } from 'zod';
import { accountSchema, type Account } from '../../../shared/domain/account';
import {
  DEFAULT_SETTINGS,
  importedTokenSchema,
  settingsSchema,
  type Metadata,
  type Settings,
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
export const METADATA_FORMAT_VERSION = '0.2.0';

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

function settingsFromV010(value: unknown): Settings {
  const current = settingsSchema.safeParse(value);
  if (current.success) return current.data;
  const old = settingsV010Schema.parse(value ?? {});
  return settingsSchema.parse({
    ...DEFAULT_SETTINGS,
    // Values the new, stricter schema would refuse fall back to the defaults rather than fail.
    warningDays:
      old.warnDays?.filter((days) => days >= 1 && days <= 365).slice(0, 10) ??
      DEFAULT_SETTINGS.warningDays,
    clipboardClearSeconds:
      old.clipboardSeconds !== undefined && old.clipboardSeconds >= 5 && old.clipboardSeconds <= 600
        ? old.clipboardSeconds
        : DEFAULT_SETTINGS.clipboardClearSeconds,
  });
}

/**
 * 0.1.0 → 0.2.0, as a pure function over the whole stored object. An entry
 * that is neither shape throws: conf then restores the file as it was and the
 * app reports it, rather than dropping the user's accounts.
 */
export function migrateMetadataTo020(stored: Readonly<Record<string, unknown>>): Metadata {
  const accounts = z.array(z.unknown()).parse(stored['accounts'] ?? []);
  return {
    accounts: accounts.map((entry) => {
      const current = accountSchema.safeParse(entry);
      return current.success ? current.data : accountFromV010(accountV010Schema.parse(entry));
    }),
    importedTokens: z.array(importedTokenSchema).parse(stored['importedTokens'] ?? []),
    settings: settingsFromV010(stored['settings']),
  };
}

export const metadataMigrations: NonNullable<Options<Metadata>['migrations']> = {
  '0.2.0': (store) => {
    store.store = migrateMetadataTo020(store.store);
  },
};
