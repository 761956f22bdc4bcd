import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CRATES_IO, type Account } from '../../../shared/domain/account';
import { ConfMetadataStore, MetadataStoreUnreadableError } from './conf-metadata-store';
import { MemoryMetadataStore } from './memory-metadata-store';
import {
  DEFAULT_SETTINGS,
  InvalidMetadataError,
  type ImportedToken,
  type Metadata,
} from './metadata';
import type { MetadataStore } from './metadata-store';
import { METADATA_CONFIG_NAME, metadataStoreOptions } from './metadata-store-options';
import { METADATA_FORMAT_VERSION } from './metadata-migrations';

const account: Account = {
  id: 'crates.io#1',
  registry: CRATES_IO,
  userId: 1,
  login: 'ferris',
  displayName: 'Ferris',
  avatarUrl: 'https://avatars.githubusercontent.com/u/1',
  status: 'signed-in',
};

const imported: ImportedToken = {
  id: 'b3c9',
  registryName: 'crates-io',
  name: 'CI publish',
  expiresAt: '2026-09-01T00:00:00.000Z',
  importedAt: '2026-03-01T10:00:00.000Z',
};

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ck-store-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe.each([
  ['ConfMetadataStore', () => ConfMetadataStore.open(dataDir)],
  ['MemoryMetadataStore', () => new MemoryMetadataStore()],
])('%s', (_name, open: () => MetadataStore) => {
  it('starts with the defaults', () => {
    const store = open();
    expect(store.get('accounts')).toEqual([]);
    expect(store.get('importedTokens')).toEqual([]);
    expect(store.get('settings')).toEqual(DEFAULT_SETTINGS);
  });

  it('sets and gets each key', () => {
    const store = open();
    store.set('accounts', [account]);
    store.set('importedTokens', [imported]);
    store.set('settings', { ...DEFAULT_SETTINGS, warningDays: [30, 14] });
    expect(store.get('accounts')).toEqual([account]);
    expect(store.get('importedTokens')).toEqual([imported]);
    expect(store.get('settings').warningDays).toEqual([30, 14]);
  });

  it('refuses a value that does not fit the schema, changing nothing', () => {
    const store = open();
    store.set('accounts', [account]);
    const bad = [{ ...account, status: 'maybe' }] as unknown as Metadata['accounts'];
    expect(() => {
      store.set('accounts', bad);
    }).toThrow(InvalidMetadataError);
    expect(() => {
      store.set('settings', { ...DEFAULT_SETTINGS, clipboardClearSeconds: 0 });
    }).toThrow(/clipboardClearSeconds/);
    expect(store.get('accounts')).toEqual([account]);
  });

  it('hands out copies: changing what get returned changes nothing stored', () => {
    const store = open();
    store.set('accounts', [account]);
    store.get('accounts').pop();
    expect(store.get('accounts')).toEqual([account]);
  });
});

describe('ConfMetadataStore on disk', () => {
  it('answers get from memory: the file is not read again', async () => {
    const store = ConfMetadataStore.open(dataDir);
    store.set('importedTokens', [imported]);
    // Another writer's change (there is none in the app) is not seen: nothing is re-read.
    await writeFile(join(dataDir, 'metadata.json'), '{"importedTokens": [');
    expect(store.get('importedTokens')).toEqual([imported]);
    expect(store.get('accounts')).toEqual([]);
  });

  it('refuses a file whose content does not fit the schemas, without conf’s schema', async () => {
    const file = join(dataDir, 'metadata.json');
    const internal = { migrations: { version: METADATA_FORMAT_VERSION } };
    await writeFile(
      file,
      JSON.stringify({ importedTokens: [{ ...imported, name: '' }], __internal__: internal }),
    );
    expect(() => ConfMetadataStore.open(dataDir)).toThrow(/importedTokens/);
  });

  it('persists across opens, owner-only, in metadata.json', async () => {
    ConfMetadataStore.open(dataDir).set('accounts', [account]);
    expect(ConfMetadataStore.open(dataDir).get('accounts')).toEqual([account]);
    const file = join(dataDir, `${METADATA_CONFIG_NAME}.json`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps an account id with dots as one key, not a path', () => {
    const store = ConfMetadataStore.open(dataDir);
    store.set('accounts', [{ ...account, id: 'staging.crates.io#1' }]);
    expect(store.get('accounts')[0]?.id).toBe('staging.crates.io#1');
  });

  it('reports an unreadable file and leaves it for the user instead of resetting it', async () => {
    const file = join(dataDir, 'metadata.json');
    await writeFile(file, '{"accounts": [');
    expect(() => ConfMetadataStore.open(dataDir)).toThrow(MetadataStoreUnreadableError);
    expect(await readFile(file, 'utf8')).toBe('{"accounts": [');

    await writeFile(file, JSON.stringify({ accounts: [{ id: 1 }] }));
    expect(() => ConfMetadataStore.open(dataDir)).toThrow(/cannot be read/);
  });
});

describe('metadataStoreOptions', () => {
  it('works for electron-store too: name and configName agree, the version is the format’s', () => {
    const options = metadataStoreOptions();
    expect(options.name).toBe(METADATA_CONFIG_NAME);
    expect(options.configName).toBe(METADATA_CONFIG_NAME);
    expect(options.projectVersion).toBe(METADATA_FORMAT_VERSION);
    expect(options.cwd).toBeUndefined();
    expect(options.clearInvalidConfig).toBe(false);
  });

  it('gives conf no JSON schema to compile: the store validates with zod', () => {
    const options = metadataStoreOptions();
    expect(options.schema).toBeUndefined();
    expect(options.cache).toBe(true);
  });

  it('returns a fresh object each time', () => {
    const a = metadataStoreOptions();
    const b = metadataStoreOptions();
    expect(a).not.toBe(b);
    expect(a.defaults).not.toBe(b.defaults);
  });
});
