import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, KillLoop } from '../vault/test-support/kill-loop';
import { ConfMetadataStore } from './conf-metadata-store';
import { METADATA_CONFIG_NAME } from './metadata-store-options';
import type { ImportedToken } from './metadata';

/**
 * PRODUCT.md, "Nothing lost", for the metadata file: a conf writer SIGKILLed
 * at random moments, again and again, must leave a file that opens, passes
 * the schema and holds either the last completed write or the one in flight.
 *
 * Two writers on two stores run side by side, 25 kills each, so one's
 * restart overlaps the other's check and both cores are used. Half the kills
 * come at a random moment after the first completed write, half the instant
 * the writer's temporary file appears (so a good share surely lands inside a
 * write, however busy the machine).
 */
const LOOPS = 2;
const KILLS_PER_LOOP = 25;
const PAYLOAD_CHARS = 200_000;
const FILE = `${METADATA_CONFIG_NAME}.json`;

const imported: ImportedToken = {
  id: 'imported-1',
  registryName: 'crates-io',
  name: 'laptop publish token',
  expiresAt: '2026-12-31T00:00:00.000Z',
  importedAt: '2026-01-01T00:00:00.000Z',
};

let bundle: string;
const dataDirs: string[] = [];

beforeAll(async () => {
  bundle = await bundleChild(join(import.meta.dirname, 'test-support/store-writer.child.ts'));
});

afterAll(async () => {
  const dirs = [...dataDirs, dirname(bundle)];
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Kills a writer of a fresh store repeatedly; returns how many kills interrupted a write. */
async function killRepeatedly(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ck-store-kill-'));
  dataDirs.push(dataDir);
  // One reader for the whole loop: conf re-reads and re-validates the file on every get.
  const reader = ConfMetadataStore.open(dataDir);
  reader.set('importedTokens', [imported]);
  const loop = new KillLoop(bundle);
  let committed = 0;
  let killedMidWrite = 0;
  try {
    for (let kill = 0; kill < KILLS_PER_LOOP; kill += 1) {
      const run = await loop.killOnce(`${dataDir} ${committed} ${PAYLOAD_CHARS}`, {
        maxDelayMs: 50,
        // Every other kill waits for the writer's temporary file, so many land mid-write.
        whenTempFile: kill % 2 === 1 ? { dir: dataDir, prefix: `${FILE}.tmp-` } : undefined,
      });
      expect(run.lastAcked).toBeGreaterThan(committed);

      // conf's writer (atomically) leaves `metadata.json.tmp-…` when killed inside a write.
      const leftovers = (await readdir(dataDir)).filter((name) => name !== FILE);
      if (leftovers.length > 0) killedMidWrite += 1;
      expect(leftovers.every((name) => name.startsWith(`${FILE}.tmp-`))).toBe(true);
      await Promise.all(leftovers.map((name) => unlink(join(dataDir, name))));

      // Each get reads the file again and validates all of it against the schema.
      const [account, ...others] = reader.get('accounts');
      const generation = Number(account?.login.replace('generation-', ''));
      expect([run.lastAcked, run.lastAcked + 1]).toContain(generation);
      expect(account?.displayName).toHaveLength(PAYLOAD_CHARS);
      expect(others).toEqual([]);
      expect(reader.get('importedTokens')).toEqual([imported]);
      committed = generation;
    }
  } finally {
    loop.dispose();
  }
  return killedMidWrite;
}

describe('metadata file under SIGKILL', () => {
  it(`stays whole after ${LOOPS * KILLS_PER_LOOP} kills at random moments`, async () => {
    const midWrite = await Promise.all(Array.from({ length: LOOPS }, killRepeatedly));
    // Not a vacuous pass: a good share of the kills really interrupted a write.
    const total = midWrite.reduce((sum, count) => sum + count, 0);
    expect(total, 'kills that landed inside a write').toBeGreaterThanOrEqual(
      (LOOPS * KILLS_PER_LOOP) / 5,
    );
  }, 120_000);
});
