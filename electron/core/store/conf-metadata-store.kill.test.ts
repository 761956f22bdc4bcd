import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeKillTest, KILL_TEST_PAYLOAD_CHARS } from '../vault/test-support/kill-test';
import { ConfMetadataStore } from './conf-metadata-store';
import { METADATA_CONFIG_NAME } from './metadata-store-options';
import type { ImportedToken } from './metadata';

/**
 * PRODUCT.md, "Nothing lost", for the metadata file: a conf writer SIGKILLed
 * at random moments, again and again, must leave a file that opens, passes
 * the schema and holds either the last completed write or the one in flight.
 */
const FILE = `${METADATA_CONFIG_NAME}.json`;

const imported: ImportedToken = {
  id: 'imported-1',
  registryName: 'crates-io',
  name: 'laptop publish token',
  expiresAt: '2026-12-31T00:00:00.000Z',
  importedAt: '2026-01-01T00:00:00.000Z',
};

describeKillTest('metadata file under SIGKILL', {
  child: join(import.meta.dirname, 'test-support/store-writer.child.ts'),
  tempFilePrefix: `${FILE}.tmp-`,
  prepare: (dataDir) => {
    ConfMetadataStore.open(dataDir).set('importedTokens', [imported]);
    return Promise.resolve();
  },
  check: async (dataDir) => {
    // conf's writer (atomically) leaves `metadata.json.tmp-…` when killed inside a write.
    const leftovers = (await readdir(dataDir)).filter((name) => name !== FILE);
    expect(leftovers.every((name) => name.startsWith(`${FILE}.tmp-`))).toBe(true);
    await Promise.all(leftovers.map((name) => unlink(join(dataDir, name))));

    // Opened afresh after each kill, as the app would be: the file is read and validated then.
    const reader = ConfMetadataStore.open(dataDir);
    const [account, ...others] = reader.get('accounts');
    expect(account?.displayName).toHaveLength(KILL_TEST_PAYLOAD_CHARS);
    expect(others).toEqual([]);
    expect(reader.get('importedTokens')).toEqual([imported]);
    const generation = Number(account?.login.replace('generation-', ''));
    return { generation, midWrite: leftovers.length > 0 };
  },
});
