import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { INDEX_PATH } from './handlers/index/paths';
import { loadSeed } from './seeds/load';
import type { SeedFile } from './seeds/schema';
import { SimulatorState } from './state/simulator-state';

export type { SeedFile } from './seeds/schema';
export type { SimulatorState } from './state/simulator-state';

export interface SimulatorOptions {
  /** 0 or undefined = a random free port. */
  port?: number;
  /** A built-in seed (`demo`, `minimal`, `generated:UxT[:live]`), a seed file path, or a seed object. Default `demo`. */
  seed?: string | SeedFile;
  /** Enables the `/__control` endpoint (loopback clients only). Default true. */
  control?: boolean;
  /** Delay before every API answer, in milliseconds. */
  latencyMs?: number;
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT`, no trailing slash; also the registry's own origin. */
  readonly url: string;
  /** `sparse+http://127.0.0.1:PORT/index/`, for cargo's `[registries.NAME] index`. */
  readonly indexUrl: string;
  /** In-process access for tests: users, tokens, crates, request log, clock, faults, create bodies. */
  readonly state: SimulatorState;
  close(): Promise<void>;
}

/** Starts the local crates.io simulator on 127.0.0.1 (never on other interfaces). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const state = new SimulatorState(loadSeed(options.seed));
  state.latencyMs = options.latencyMs ?? 0;
  const app = createApp(state, { control: options.control ?? true });
  const server = serve({
    fetch: app.fetch,
    port: options.port ?? 0,
    hostname: '127.0.0.1',
    // The harness runs the app's core in this process; leave its fetch globals alone.
    overrideGlobalObjects: false,
  });
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  state.origin = url;
  return {
    url,
    indexUrl: `sparse+${url}${INDEX_PATH}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        // Keep-alive sockets and slow bodies would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
