/**
 * One cold start of the core, in a process of its own (nothing warmed up):
 * `tsx e2e/bench/core-start-child.ts DATA_DIR`. Prints one JSON line with the
 * time from opening the storage to the core's first answer (`tokens:list`),
 * and from the process's start to that answer.
 */
import { performance } from 'node:perf_hooks';
import { openBenchCore } from './core-setup';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: core-start-child.ts DATA_DIR');

const startedAt = performance.now();
const { core } = await openBenchCore(dataDir);
const openedAt = performance.now();
const list = await core.handlers['tokens:list']({});
const answeredAt = performance.now();
await core.settled();
process.stdout.write(
  `${JSON.stringify({
    openMs: openedAt - startedAt,
    firstAnswerMs: answeredAt - startedAt,
    sinceProcessStartMs: answeredAt,
    tokens: list.tokens.length,
  })}\n`,
);
