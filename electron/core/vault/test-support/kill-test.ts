import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, KillLoop, type KillRun } from './kill-loop';

/**
 * Two writers on two data folders run side by side, 25 kills each, so one's
 * restart overlaps the other's check and both cores are used. Half the kills
 * come at a random moment after the first completed write, half the instant
 * the writer's temporary file appears (so a good share surely lands inside a
 * write, however busy the machine).
 */
const LOOPS = 2;
const KILLS_PER_LOOP = 25;
/** Large enough that a write takes a few milliseconds to land in. */
export const KILL_TEST_PAYLOAD_CHARS = 200_000;

export interface KillScenario {
  /** The writer child's entry file (bundled once). */
  readonly child: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Names of the writer's temporary files start with this. */
  readonly tempFilePrefix: string;
  /** Fills a fresh data folder with what every check expects to find again. */
  prepare(dataDir: string): Promise<void>;
  /**
   * After a kill: asserts the file is whole and returns the generation it
   * holds and whether the kill landed inside a write.
   */
  check(dataDir: string, run: KillRun): Promise<{ generation: number; midWrite: boolean }>;
}

/** PRODUCT.md, "Nothing lost": `title`'s file stays whole after SIGKILLs at random moments. */
export function describeKillTest(title: string, scenario: KillScenario): void {
  let bundle: string;
  const dataDirs: string[] = [];

  beforeAll(async () => {
    bundle = await bundleChild(scenario.child);
  });

  afterAll(async () => {
    const dirs = [...dataDirs, dirname(bundle)];
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** Kills a writer on a fresh folder repeatedly; returns how many kills interrupted a write. */
  async function killRepeatedly(): Promise<number> {
    const dataDir = await mkdtemp(join(tmpdir(), 'ck-kill-'));
    dataDirs.push(dataDir);
    await scenario.prepare(dataDir);
    const loop = new KillLoop(bundle, scenario.env);
    let committed = 0;
    let killedMidWrite = 0;
    try {
      for (let kill = 0; kill < KILLS_PER_LOOP; kill += 1) {
        const run = await loop.killOnce(`${dataDir} ${committed} ${KILL_TEST_PAYLOAD_CHARS}`, {
          maxDelayMs: 50,
          whenTempFile:
            kill % 2 === 1 ? { dir: dataDir, prefix: scenario.tempFilePrefix } : undefined,
        });
        expect(run.lastAcked).toBeGreaterThan(committed);
        const { generation, midWrite } = await scenario.check(dataDir, run);
        // The last completed write, or the one in flight: never older, never a mix.
        expect([run.lastAcked, run.lastAcked + 1]).toContain(generation);
        if (midWrite) killedMidWrite += 1;
        committed = generation;
      }
    } finally {
      loop.dispose();
    }
    return killedMidWrite;
  }

  describe(title, () => {
    it(`stays whole after ${LOOPS * KILLS_PER_LOOP} kills at random moments`, async () => {
      const midWrite = await Promise.all(Array.from({ length: LOOPS }, killRepeatedly));
      // Not a vacuous pass: a good share of the kills really interrupted a write.
      const total = midWrite.reduce((sum, count) => sum + count, 0);
      expect(total, 'kills that landed inside a write').toBeGreaterThanOrEqual(
        (LOOPS * KILLS_PER_LOOP) / 5,
      );
    }, 120_000);
  });
}
