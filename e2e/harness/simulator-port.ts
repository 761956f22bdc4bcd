import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The port the harness's own simulator had, kept in the data folder: account
 * ids hold the registry's host and port, so a preview restarted on the same
 * folder must bring the simulator back on the same port for its accounts and
 * token keys (and the watch's record of what it notified) to stay the same.
 */
export const SIMULATOR_PORT_FILE = 'harness-simulator.json';

const savedSchema = z.object({ port: z.int().min(1).max(65_535) });

/** The port saved in `dataDir`, or 0 (any free port) when there is none. */
export async function savedSimulatorPort(dataDir: string): Promise<number> {
  try {
    const saved = savedSchema.safeParse(
      JSON.parse(await readFile(join(dataDir, SIMULATOR_PORT_FILE), 'utf8')),
    );
    return saved.success ? saved.data.port : 0;
  } catch {
    return 0;
  }
}

export async function saveSimulatorPort(dataDir: string, port: number): Promise<void> {
  await writeFile(join(dataDir, SIMULATOR_PORT_FILE), `${JSON.stringify({ port })}\n`, {
    mode: 0o600,
  });
}
