import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  providerAskSchema,
  providerDir,
  providerRunFile,
  type CargoAnswer,
  type ProviderAsk,
} from '../../core/provider/wire.js';

/** How the fake app treats one connection. */
export type FakeBehaviour =
  | { readonly kind: 'answer'; readonly answer: (ask: ProviderAsk) => CargoAnswer }
  | { readonly kind: 'raw'; readonly line: string }
  | { readonly kind: 'silent' };

/**
 * A stand-in for the running app's provider server, as the wire contract
 * (electron/core/provider/wire.ts) describes it: a Unix socket in the data
 * folder, a run file naming it with a per-run secret, one line each way. A
 * wrong secret is refused by closing the connection without an answer.
 */
export interface FakeApp {
  readonly dataDir: string;
  readonly secret: string;
  readonly runFilePath: string;
  /** Every ask that arrived with the right secret. */
  readonly asks: ProviderAsk[];
  behaviour: FakeBehaviour;
  /** Writes the run file (0600 unless told otherwise). */
  writeRunFile(overrides?: { secret?: string; pid?: number; mode?: number }): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeApp(options: { dataDirPrefix?: string } = {}): Promise<FakeApp> {
  const root = await mkdtemp(join(tmpdir(), options.dataDirPrefix ?? 'ck-provider-'));
  const dataDir = join(root, 'data dir');
  await mkdir(providerDir(dataDir), { recursive: true, mode: 0o700 });
  const address = join(providerDir(dataDir), 'provider.sock');
  const secret = randomBytes(32).toString('hex');
  const asks: ProviderAsk[] = [];

  const fake: FakeApp = {
    dataDir,
    secret,
    runFilePath: providerRunFile(dataDir),
    asks,
    behaviour: { kind: 'answer', answer: () => ({ Err: { kind: 'not-found' } }) },
    async writeRunFile(overrides = {}) {
      const body = {
        v: 1,
        address,
        secret: overrides.secret ?? secret,
        pid: overrides.pid ?? process.pid,
      };
      await writeFile(fake.runFilePath, JSON.stringify(body), { mode: 0o600 });
      await chmod(fake.runFilePath, overrides.mode ?? 0o600);
    },
    async stop() {
      await closeServer(server);
    },
    async close() {
      await closeServer(server);
      await rm(root, { recursive: true, force: true });
    },
  };

  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket, fake);
  });
  openSockets.set(server, sockets);
  await new Promise<void>((resolve) => server.listen(address, resolve));
  return fake;
}

function onConnection(socket: Socket, fake: FakeApp): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    const at = buffered.indexOf('\n');
    if (at === -1) return;
    const parsed = providerAskSchema.safeParse(JSON.parse(buffered.slice(0, at)));
    if (!parsed.success || parsed.data.secret !== fake.secret) {
      socket.destroy();
      return;
    }
    fake.asks.push(parsed.data);
    const behaviour = fake.behaviour;
    if (behaviour.kind === 'silent') return;
    const line =
      behaviour.kind === 'raw'
        ? behaviour.line
        : JSON.stringify({ answer: behaviour.answer(parsed.data) });
    socket.end(`${line}\n`);
  });
}

const openSockets = new WeakMap<Server, Set<Socket>>();

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => {
      resolve();
    });
    for (const socket of openSockets.get(server) ?? []) socket.destroy();
  });
}
