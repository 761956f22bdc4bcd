import { mkdtemp, mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createCore, type Core } from '../../electron/core/core';
import { systemClock, type Clock } from '../../electron/core/ports';
import { redactSecrets } from '../../electron/core/redact';
import { RegistryUnavailableError } from '../../electron/core/registry-errors';
import { ConfMetadataStore } from '../../electron/core/store/conf-metadata-store';
import { MemoryClipboard } from '../../electron/core/test-support/memory-clipboard';
import { memoryKeychain } from '../../electron/core/test-support/memory-keychain';
import type { Account } from '../../shared/domain/account';
import { INDEX_PATH } from '../simulator/handlers/index/paths';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { signInOverHttp } from '../simulator/sign-in-client';
import { createHarnessApp } from './app';
import { EventHub } from './event-hub';
import { newHarnessKey } from './harness-guard';
import { assertBuilt, type RendererFiles } from './renderer-files';
import { HarnessClock, setSimulatorClock } from './harness-clock';
import { SignInPopups } from './sign-in-popup';
import { saveSimulatorPort, savedSimulatorPort } from './simulator-port';
import { WatchRecorder } from './watch-recorder';

/**
 * Real scrypt costs ~0.5 s per derivation on these machines; the harness
 * tests the flow, not the cost, so it derives keys cheaply.
 */
const HARNESS_SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1 };

export interface HarnessOptions {
  /** Port for the page; 0 (default) picks a free one. */
  readonly port?: number;
  /** Simulator seed: a built-in name or a seed file path. Default `demo`. */
  readonly seed?: string;
  /** The core's data folder; a fresh temporary folder by default. */
  readonly dataDir?: string;
  /** Sign in as this seeded login at start (default: the seed's first user); false: stay signed out. */
  readonly signInAs?: string | false;
  /** A clock of the test's own; by default one that `POST /__harness/clock` moves. */
  readonly clock?: Clock;
  /**
   * Run the expiry watch's scheduler on real timers (`npm run preview --
   * --watch`): it refreshes at once, with a year of expired tokens. Off, the
   * watch looks at start and whenever the harness clock moves
   * (`POST /__harness/clock` runs the scheduler and a refresh).
   */
  readonly startWatch?: boolean;
  /** What to serve instead of the build (unit tests of the harness itself). */
  readonly files?: RendererFiles;
  /** `basic_text`: behave like Linux without a keyring, so the app must ask for a passphrase. */
  readonly keychain?: 'usable' | 'basic_text';
  /**
   * Start as after a restart with a passphrase vault: the vault is created
   * with this passphrase, the seed's user signed in, and the vault locked.
   */
  readonly lockedWithPassphrase?: string;
  /**
   * The folder the core uses as CARGO_HOME (`--cargo-home`); by default a
   * `cargo-home` folder in the data folder, so a preview or spec never
   * writes the real `~/.cargo`.
   */
  readonly cargoHome?: string;
  /**
   * Sign-ins after start show the simulated GitHub's consent page in a pop-up
   * of the page, as the app's sign-in window shows the website (`npm run
   * preview`); otherwise they approve at once as the next login.
   */
  readonly signInPopup?: boolean;
}

/**
 * Options for a harness whose simulator runs in another process (`npm run
 * simulator`, or one a benchmark spawned): the harness neither starts nor
 * stops it, and its seed is the one that process was started with.
 */
export interface ExternalSimulatorHarnessOptions extends Omit<HarnessOptions, 'seed'> {
  /** The simulator's base URL, `http://127.0.0.1:PORT`; its control endpoint must be on. */
  readonly simulatorUrl: string;
}

/** Where a simulator in another process answers. */
export interface SimulatorEndpoint {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  /** `sparse+http://127.0.0.1:PORT/index/`. */
  readonly indexUrl: string;
}

/** A harness whose simulator runs in another process: no in-process access to its state. */
export interface HarnessOnExternalSimulator extends Omit<RunningHarness, 'simulator'> {
  readonly simulator: SimulatorEndpoint;
}

export interface RunningHarness {
  /** The page to open. */
  readonly url: string;
  /**
   * This run's key, which the page's bridge sends with every call (header
   * `X-Cratekeeper-Harness-Key`); for Node code that calls the endpoints itself.
   */
  readonly key: string;
  readonly simulator: RunningSimulator;
  readonly core: Core;
  readonly events: EventHub;
  readonly dataDir: string;
  /** Lines the core logged, already redacted; tests scan them for secrets. */
  readonly logLines: readonly string[];
  /** The harness's clipboard (in memory: a headless machine has none); specs read what Copy put there. */
  readonly clipboard: MemoryClipboard;
  /** The tray and notifications the core showed (what `/__harness/tray` and `/notifications` answer). */
  readonly watchRecorder: WatchRecorder;
  readonly account: Account | null;
  /** Who the simulated GitHub consent page signs in next (default: the seed's first user). */
  setNextSignInLogin(login: string | undefined): void;
  /** Signs in every other user of the seed too (the harness starts with the first one). */
  signInEveryUser(): Promise<void>;
  close(): Promise<void>;
}

/** The simulator the harness talks to: its own, or one in another process. */
interface HarnessSimulator {
  readonly url: string;
  /** The seed's logins, in seed order. */
  logins(): Promise<readonly string[]>;
  /** Stops it if the harness started it. */
  close(): Promise<void>;
}

/**
 * The harness's own simulator, on the port it had the last time this data
 * folder was used (so account ids and token keys stay the same), or any free
 * port the first time or when that one is taken.
 */
async function startOwnSimulator(dataDir: string, seed: string): Promise<RunningSimulator> {
  const saved = await savedSimulatorPort(dataDir);
  let own: RunningSimulator;
  try {
    own = await startSimulator({ port: saved, seed });
  } catch (error) {
    if (saved === 0) throw error;
    console.warn(`The simulator's port ${saved} is taken; using another (accounts will differ).`);
    own = await startSimulator({ port: 0, seed });
  }
  await saveSimulatorPort(dataDir, Number(new URL(own.url).port));
  return own;
}

function ownSimulator(simulator: RunningSimulator): HarnessSimulator {
  return {
    url: simulator.url,
    logins: () => Promise.resolve(simulator.state.users.map((user) => user.login)),
    close: () => simulator.close(),
  };
}

/** A simulator in another process, read through its control endpoint (which lists the users). */
async function externalSimulator(simulatorUrl: string): Promise<HarnessSimulator> {
  const url = new URL(simulatorUrl).origin;
  const logins = async (): Promise<readonly string[]> => {
    const response = await fetch(`${url}/__control`);
    if (!response.ok) {
      throw new Error(`The simulator at ${url} answered HTTP ${response.status} on /__control.`);
    }
    const { users } = (await response.json()) as { users: readonly { login: string }[] };
    return users.map((user) => user.login);
  };
  // Fails early, and says where, when nothing answers there.
  await logins();
  return { url, logins, close: () => Promise.resolve() };
}

/**
 * The browser harness: the simulator, the real core in Node signed in to it,
 * and the built renderer served with the contract over loopback. `npm run
 * preview` and every Playwright spec start the app this way. With
 * `simulatorUrl` it uses a simulator already running in another process
 * instead of starting one of its own.
 */
export function startHarness(
  options: ExternalSimulatorHarnessOptions,
): Promise<HarnessOnExternalSimulator>;
export function startHarness(options?: HarnessOptions): Promise<RunningHarness>;
export async function startHarness(
  options: HarnessOptions | ExternalSimulatorHarnessOptions = {},
): Promise<RunningHarness | HarnessOnExternalSimulator> {
  if (!options.files) assertBuilt();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'cratekeeper-harness-')));
  await mkdir(dataDir, { recursive: true });
  let running: RunningSimulator | SimulatorEndpoint;
  let simulator: HarnessSimulator;
  if ('simulatorUrl' in options) {
    simulator = await externalSimulator(options.simulatorUrl);
    running = { url: simulator.url, indexUrl: `sparse+${simulator.url}${INDEX_PATH}` };
  } else {
    const own = await startOwnSimulator(dataDir, options.seed ?? 'demo');
    simulator = ownSimulator(own);
    running = own;
  }

  const logLines: string[] = [];
  const log = { error: (message: string) => logLines.push(redactSecrets(message)) };
  const events = new EventHub();
  const clipboard = new MemoryClipboard();
  let nextLogin = options.signInAs === false ? undefined : options.signInAs;
  // Set once started: the sign-in at start is never interactive.
  let popups: SignInPopups | null = null;
  const harnessClock = options.clock ? null : new HarnessClock();
  const clock = options.clock ?? harnessClock ?? systemClock;
  const watchRecorder = new WatchRecorder(clock);
  const core = await createCore({
    fetch: (input, init) => fetch(input, init),
    clock,
    tray: watchRecorder.tray,
    notifier: watchRecorder.notifier,
    signInWindow: {
      // A registry the harness cannot reach (crates.io itself, on this closed
      // network) fails as the app's sign-in window would: unreachable.
      signIn: (baseUrl) =>
        (popups !== null && nextLogin === undefined
          ? popups.signIn(baseUrl)
          : signInOverHttp(baseUrl, nextLogin)
        ).catch((error: unknown) => {
          if (error instanceof TypeError) {
            throw new RegistryUnavailableError(`Could not reach ${new URL(baseUrl).host}.`, {
              cause: error,
            });
          }
          throw error;
        }),
    },
    events,
    dataDir,
    store: ConfMetadataStore.open(dataDir),
    keychain: memoryKeychain(
      options.keychain ?? (options.lockedWithPassphrase ? 'basic_text' : 'usable'),
    ),
    clipboard,
    scryptParams: HARNESS_SCRYPT_PARAMS,
    // As if the app were started with CARGO_HOME set; no login shell is asked.
    cargo: {
      env: { ...process.env, CARGO_HOME: options.cargoHome ?? join(dataDir, 'cargo-home') },
      homeDir: homedir(),
    },
  });
  if (options.lockedWithPassphrase !== undefined) {
    await core.handlers['vault:use-passphrase']({ passphrase: options.lockedWithPassphrase });
  }
  const canStore = core.vault.status().state === 'ready';
  const account =
    options.signInAs === false || !canStore
      ? null
      : await core.signIn({ name: 'sim', baseUrl: simulator.url });
  if (options.lockedWithPassphrase !== undefined) core.vault.lock();
  // The tokens listed as the page lists them when it opens, and the watch's
  // look at them: the tray and the notifications say something before any
  // page is open. Not against a simulator in another process, whose
  // benchmarks count every request.
  if (account && canStore && !('simulatorUrl' in options)) {
    await core.handlers['tokens:list']({});
  }
  await core.handlers['watch:attention']({});
  if (options.startWatch) core.watch.start();
  // cargo asks the preview's core, as it asks the app (the provider's socket and run file).
  await core.provider.start();

  let origin = '';
  if (options.signInPopup) {
    popups = new SignInPopups(events, () => origin);
    nextLogin = undefined;
  }
  const key = newHarnessKey();
  const app = createHarnessApp({
    handlers: core.handlers,
    events,
    log,
    origin: () => origin,
    key,
    ...(options.files ? { files: options.files } : {}),
    watch: {
      recorder: watchRecorder,
      moveClock: harnessClock
        ? async (now) => {
            harnessClock.set(now);
            await setSimulatorClock(simulator.url, now);
            await core.watch.refreshNow();
          }
        : null,
      check: async () => {
        await core.handlers['watch:attention']({});
      },
    },
  });
  // After the app's routes: its static files answer first, then these.
  popups?.addRoutes(app);
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    key,
    simulator: running,
    core,
    events,
    dataDir,
    logLines,
    clipboard,
    watchRecorder,
    account,
    setNextSignInLogin: (login) => {
      nextLogin = login;
    },
    signInEveryUser: async () => {
      for (const login of await simulator.logins()) {
        if (login === account?.login) continue;
        nextLogin = login;
        await core.signIn({ name: 'sim', baseUrl: simulator.url });
      }
      nextLogin = undefined;
    },
    close: async () => {
      core.watch.stop();
      await core.provider.stop();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        // Server-sent event streams would keep close() waiting forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await simulator.close();
    },
  };
}
