import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CRATES_IO } from '../../../shared/domain/account';
import { ConfMetadataStore, MetadataStoreUnreadableError } from './conf-metadata-store';
import {
  DEFAULT_METADATA,
  DEFAULT_PROVIDER_MEMORY,
  DEFAULT_SETTINGS,
  DEFAULT_WATCH_MEMORY,
  type Metadata,
} from './metadata';
import {
  METADATA_FORMAT_VERSION,
  migrateMetadataTo020,
  migrateMetadataTo030,
  migrateMetadataTo040,
  repairSettings,
} from './metadata-migrations';

/** A metadata.json as the 0.1.0 format wrote it, including conf's own bookkeeping. */
const V010_FILE = {
  accounts: [
    {
      id: 'crates.io#7',
      registryUrl: 'https://crates.io',
      userId: 7,
      login: 'ferris',
      avatar: 'https://avatars.githubusercontent.com/u/7',
      signedIn: true,
    },
    {
      id: 'registry.example.com:8443#3',
      registryUrl: 'https://registry.example.com:8443/',
      userId: 3,
      login: 'corro',
      signedIn: false,
    },
  ],
  settings: { warnDays: [30, 0, 7], clipboardSeconds: 2 },
  __internal__: { migrations: { version: '0.1.0' } },
};

const MIGRATED_ACCOUNTS: Metadata['accounts'] = [
  {
    id: 'crates.io#7',
    registry: CRATES_IO,
    userId: 7,
    login: 'ferris',
    displayName: null,
    avatarUrl: 'https://avatars.githubusercontent.com/u/7',
    status: 'signed-in',
  },
  {
    id: 'registry.example.com:8443#3',
    registry: { name: 'registry-example-com-8443', baseUrl: 'https://registry.example.com:8443' },
    userId: 3,
    login: 'corro',
    displayName: null,
    avatarUrl: null,
    status: 'signed-out',
  },
];

let dataDir: string;
let file: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ck-store-migrate-'));
  file = join(dataDir, 'metadata.json');
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('migrateMetadataTo020', () => {
  it('converts the 0.1.0 shape, keeping valid settings and defaulting the rest', () => {
    expect(migrateMetadataTo020(V010_FILE)).toEqual({
      accounts: MIGRATED_ACCOUNTS,
      importedTokens: [],
      settings: { ...DEFAULT_SETTINGS, warningDays: [30, 7] },
    });
  });

  it('leaves data already in the current shape as it is', () => {
    const current = { ...DEFAULT_METADATA, accounts: MIGRATED_ACCOUNTS };
    expect(migrateMetadataTo020(current)).toEqual(current);
    expect(migrateMetadataTo020(DEFAULT_METADATA)).toEqual(DEFAULT_METADATA);
  });

  it('keeps 0.2.0 settings (no 0.1.0 names) rather than defaulting them', () => {
    const v020 = { warningDays: [21, 2], clipboardClearSeconds: 45, vaultIdleLockMinutes: 5 };
    expect(migrateMetadataTo020({ accounts: [], settings: v020 })['settings']).toEqual({
      ...DEFAULT_SETTINGS,
      ...v020,
    });
  });

  it('throws on an entry that is neither shape rather than drop it', () => {
    expect(() => migrateMetadataTo020({ accounts: [{ id: 'x' }] })).toThrow();
  });
});

/** A metadata.json as the 0.2.0 format wrote it: settings without the expiry watch's fields. */
const V020_FILE = {
  accounts: MIGRATED_ACCOUNTS,
  importedTokens: [],
  settings: { warningDays: [10, 5, 2], clipboardClearSeconds: 90, vaultIdleLockMinutes: 60 },
  __internal__: { migrations: { version: '0.2.0' } },
};

describe('migrateMetadataTo030', () => {
  it("adds the new settings with their defaults, keeping the user's values", () => {
    expect(migrateMetadataTo030(V020_FILE)).toEqual({
      accounts: MIGRATED_ACCOUNTS,
      importedTokens: [],
      settings: {
        ...DEFAULT_SETTINGS,
        warningDays: [10, 5, 2],
        clipboardClearSeconds: 90,
        vaultIdleLockMinutes: 60,
      },
      watch: DEFAULT_WATCH_MEMORY,
    });
  });

  it('leaves data already in the current shape as it is', () => {
    const current: Metadata = {
      ...DEFAULT_METADATA,
      accounts: MIGRATED_ACCOUNTS,
      settings: { ...DEFAULT_SETTINGS, notificationsEnabled: false, keepInTray: true },
      watch: {
        notified: [{ key: 'crates.io#7/1', threshold: '7d', at: '2026-01-01T00:00:00.000Z' }],
        revokedElsewhere: [],
        refreshedAt: '2026-01-01T00:00:00.000Z',
      },
    };
    expect(migrateMetadataTo030(current)).toEqual(current);
  });
});

describe('migrateMetadataTo040', () => {
  it('adds the provider memory, empty, keeping everything else', () => {
    const v030 = { ...DEFAULT_METADATA, accounts: MIGRATED_ACCOUNTS } as Record<string, unknown>;
    delete v030['provider'];
    expect(migrateMetadataTo040(v030)).toEqual({
      ...DEFAULT_METADATA,
      accounts: MIGRATED_ACCOUNTS,
      provider: DEFAULT_PROVIDER_MEMORY,
    });
  });

  it('keeps a provider memory already in shape, and starts afresh from one that is not', () => {
    const provider: Metadata['provider'] = {
      policies: [
        {
          registryName: 'crates-io',
          policy: { whenNoToken: 'fall-through', askBeforePublish: true },
        },
      ],
      audit: [],
    };
    expect(migrateMetadataTo040({ ...DEFAULT_METADATA, provider })['provider']).toEqual(provider);
    expect(
      migrateMetadataTo040({ ...DEFAULT_METADATA, provider: { audit: 'x' } })['provider'],
    ).toEqual(DEFAULT_PROVIDER_MEMORY);
  });
});

describe('repairSettings', () => {
  it('cleans warning days the stricter schema refuses instead of dropping them all', () => {
    // Repeats, out-of-range days and more than six: the valid ones stay, in the user's order.
    expect(repairSettings({ warningDays: [30, 30, 0, 7, 400, 5, 4, 3, 2, 1] }).warningDays).toEqual(
      [30, 7, 5, 4, 3, 2],
    );
    expect(repairSettings({ warningDays: [] }).warningDays).toEqual(DEFAULT_SETTINGS.warningDays);
  });

  it('keeps each valid value and defaults each invalid one on its own', () => {
    expect(
      repairSettings({
        warningDays: [3],
        notificationsEnabled: 'yes',
        refreshIntervalHours: 12,
        clipboardClearSeconds: 1,
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, warningDays: [3], refreshIntervalHours: 12 });
    expect(repairSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('conf migrations', () => {
  it("migrates a 0.2.0 file to the current version without losing the user's warning days", async () => {
    await writeFile(file, JSON.stringify(V020_FILE));
    const store = ConfMetadataStore.open(dataDir);
    expect(store.get('settings')).toEqual({
      ...DEFAULT_SETTINGS,
      warningDays: [10, 5, 2],
      clipboardClearSeconds: 90,
      vaultIdleLockMinutes: 60,
    });
    expect(store.get('watch')).toEqual(DEFAULT_WATCH_MEMORY);
    expect(store.get('accounts')).toEqual(MIGRATED_ACCOUNTS);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk['__internal__']).toEqual({ migrations: { version: METADATA_FORMAT_VERSION } });
    expect(METADATA_FORMAT_VERSION).toBe('0.4.0');
    expect(store.get('provider')).toEqual(DEFAULT_PROVIDER_MEMORY);
  });

  it('migrates a 0.1.0 file when the store opens, and records the new version', async () => {
    await writeFile(file, JSON.stringify(V010_FILE));
    const store = ConfMetadataStore.open(dataDir);
    expect(store.get('accounts')).toEqual(MIGRATED_ACCOUNTS);
    expect(store.get('importedTokens')).toEqual([]);
    expect(store.get('settings').warningDays).toEqual([30, 7]);

    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk).not.toHaveProperty('accounts.0.registryUrl');
    expect(onDisk['__internal__']).toEqual({ migrations: { version: METADATA_FORMAT_VERSION } });

    // Opening again does not migrate twice.
    expect(ConfMetadataStore.open(dataDir).get('accounts')).toEqual(MIGRATED_ACCOUNTS);
  });

  it('starts a new file at the current version with the defaults', async () => {
    const store = ConfMetadataStore.open(dataDir);
    expect({
      accounts: store.get('accounts'),
      importedTokens: store.get('importedTokens'),
      settings: store.get('settings'),
      watch: store.get('watch'),
      provider: store.get('provider'),
    }).toEqual(DEFAULT_METADATA);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk['__internal__']).toEqual({ migrations: { version: METADATA_FORMAT_VERSION } });
  });

  it('keeps the accounts of a file it cannot migrate, and says so', async () => {
    const broken = { ...V010_FILE, accounts: [{ id: 'crates.io#1', login: 'no registry' }] };
    await writeFile(file, JSON.stringify(broken));
    expect(() => ConfMetadataStore.open(dataDir)).toThrow(MetadataStoreUnreadableError);
    const after = JSON.parse(await readFile(file, 'utf8')) as typeof broken;
    expect(after.accounts).toEqual(broken.accounts);
  });
});
