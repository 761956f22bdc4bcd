import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassphraseCipher } from './passphrase-cipher';
import { CHEAP_SCRYPT } from './test-support/cheap-scrypt';
import { bundleChild, KillLoop } from './test-support/kill-loop';
import { readVaultHeader, Vault } from './vault';
import { VAULT_FILE_NAME } from './vault-file';

/**
 * PRODUCT.md, "Nothing lost": a writer SIGKILLed at random moments, again and
 * again, must leave a vault that opens, decrypts and holds either the last
 * completed write or the one in flight, never a mix or a broken file.
 *
 * Two writers on two vaults run side by side, 25 kills each, so one's restart
 * overlaps the other's check and both cores are used. Half the kills come at
 * a random moment after the first completed write, half the instant the
 * writer's temporary file appears (so a good share surely lands inside a
 * write, however busy the machine).
 */
const LOOPS = 2;
const KILLS_PER_LOOP = 25;
const PAYLOAD_CHARS = 200_000;
const PASSPHRASE = 'kill test passphrase';

let bundle: string;
const dataDirs: string[] = [];

beforeAll(async () => {
  bundle = await bundleChild(join(import.meta.dirname, 'test-support/vault-writer.child.ts'));
});

afterAll(async () => {
  const dirs = [...dataDirs, dirname(bundle)];
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openVault(dataDir: string): Promise<Vault> {
  const header = await readVaultHeader(dataDir);
  if (header?.kind !== 'passphrase') throw new Error('vault header lost');
  return Vault.open(dataDir, await PassphraseCipher.open(header, PASSPHRASE, { idleLockMs: null }));
}

/** Kills a writer of a fresh vault repeatedly; returns how many kills interrupted a write. */
async function killRepeatedly(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ck-vault-kill-'));
  dataDirs.push(dataDir);
  const vault = await Vault.open(dataDir, await PassphraseCipher.create(PASSPHRASE, CHEAP_SCRYPT));
  await vault.put('fixed', 'session-cookie', 'cargo_session=fixed-value');
  const loop = new KillLoop(bundle, { CK_TEST_PASSPHRASE: PASSPHRASE });
  let committed = 0;
  let killedMidWrite = 0;
  try {
    for (let kill = 0; kill < KILLS_PER_LOOP; kill += 1) {
      const run = await loop.killOnce(`${dataDir} ${committed} ${PAYLOAD_CHARS}`, {
        maxDelayMs: 50,
        // Every other kill waits for the writer's temporary file, so many land mid-write.
        whenTempFile: kill % 2 === 1 ? { dir: dataDir, prefix: `${VAULT_FILE_NAME}.` } : undefined,
      });
      expect(run.lastAcked).toBeGreaterThan(committed);

      // A temporary file left behind means the kill landed inside a write.
      const names = await readdir(dataDir);
      if (names.some((name) => name.startsWith(`${VAULT_FILE_NAME}.`))) killedMidWrite += 1;

      const reopened = await openVault(dataDir);
      const state = JSON.parse(await reopened.reveal('state')) as { generation: number };
      expect([run.lastAcked, run.lastAcked + 1]).toContain(state.generation);
      expect(await reopened.reveal('fixed')).toBe('cargo_session=fixed-value');
      expect(reopened.ids().sort()).toEqual(['fixed', 'state']);
      // Opening removed the killed writer's temporary file.
      expect(await readdir(dataDir)).toEqual([VAULT_FILE_NAME]);
      committed = state.generation;
    }
  } finally {
    loop.dispose();
  }
  return killedMidWrite;
}

describe('vault file under SIGKILL', () => {
  it(`stays whole after ${LOOPS * KILLS_PER_LOOP} kills at random moments`, async () => {
    const midWrite = await Promise.all(Array.from({ length: LOOPS }, killRepeatedly));
    // Not a vacuous pass: a good share of the kills really interrupted a write.
    const total = midWrite.reduce((sum, count) => sum + count, 0);
    expect(total, 'kills that landed inside a write').toBeGreaterThanOrEqual(
      (LOOPS * KILLS_PER_LOOP) / 5,
    );
  }, 120_000);
});
