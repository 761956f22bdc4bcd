import type { Registry } from '../../shared/domain/account';
import { AccountBook } from './account-book';
import type { CallHandlers } from './dispatch';
import { CargoService } from './cargo/cargo-service';
import { CargoProviderConfig } from './cargo/provider-config';
import { CratesService } from './crates/crates-service';
import { isolatedCargoEnvironment, type CargoEnvironment } from './cargo/cargo-home';
import { accountHandlers } from './features/account-handlers';
import { cargoHandlers } from './features/cargo-handlers';
import { cratesHandlers } from './features/crates-handlers';
import { providerHandlers } from './features/provider-handlers';
import { settingsHandlers } from './features/settings-handlers';
import { tokenHandlers } from './features/token-handlers';
import { vaultHandlers } from './features/vault-handlers';
import { watchHandlers } from './features/watch-handlers';
import { ImportedTokens, loadImportedTokens } from './imported-tokens';
import type { Clipboard, Clock, EventSink, Fetch, SignInWindow } from './ports';
import type { ReadRetryPolicy } from './read-retry';
import { SecretClipboard } from './secret-clipboard';
import { unavailableConfig, type ProviderConfigPort } from './provider/provider-config-port';
import { devLauncherPath, PROVIDER_EXECUTABLE_BASENAME } from './provider/provider-executable';
import { ProviderService } from './provider/provider-service';
import type { MetadataStore } from './store/metadata-store';
import { TokenActions } from './token-actions';
import { TokenCache } from './token-cache';
import type { ScryptParams } from './vault/vault-header';
import { VaultService, type Keychain } from './vault-service';
import { CoreWatchSources } from './watch/core-sources';
import {
  eventWindow,
  noLoginItem,
  noNotifier,
  noPowerEvents,
  noTray,
  nodeTimers,
  performanceClock,
} from './watch/default-ports';
import { ExpiryWatch } from './watch/expiry-watch';
import { withWatchFollowUps } from './watch/follow-ups';
import type {
  LoginItemPort,
  MonotonicClock,
  NotifierPort,
  PowerEventsPort,
  Timers,
  TrayPort,
  WindowPort,
} from './watch-ports';

export interface CorePorts {
  readonly fetch: Fetch;
  readonly clock: Clock;
  readonly signInWindow: SignInWindow;
  readonly events: EventSink;
  /** The app's data folder (vault file). */
  readonly dataDir: string;
  /** Non-secret metadata: electron-store in the app, conf or memory elsewhere. */
  readonly store: MetadataStore;
  readonly keychain: Keychain;
  readonly clipboard: Clipboard;
  /**
   * Where cargo looks (the app's environment, home folder, login shell). The
   * app passes its own; when absent (tests, tools) the core uses a
   * `cargo-home` folder in its data folder, never the user's real one.
   */
  readonly cargo?: CargoEnvironment;
  /** Read retries without real waiting, for tests only. */
  readonly readRetry?: ReadRetryPolicy;
  /** Cheaper key derivation for tests only. */
  readonly scryptParams?: ScryptParams;
  // The expiry watch's desktop ports; each absent one is a no-op (or recording) default.
  readonly tray?: TrayPort;
  readonly notifier?: NotifierPort;
  readonly powerEvents?: PowerEventsPort;
  readonly loginItem?: LoginItemPort;
  readonly window?: WindowPort;
  readonly monotonic?: MonotonicClock;
  readonly timers?: Timers;
  /** Decides keepInTray's default: on for darwin and win32, off elsewhere (process.platform when absent). */
  readonly platform?: NodeJS.Platform;
  /** cargo's config.toml for Connect cargo; absent: the CARGO_HOME in use, written for real. */
  readonly providerConfig?: ProviderConfigPort;
  /** The provider executable Connect cargo names; absent: this checkout's development launcher. */
  readonly providerExecutable?: string;
}

/** Where the core keeps its data; opened by each composition root its own way. */
export type CoreStorage = Pick<CorePorts, 'dataDir' | 'store' | 'keychain'>;

export interface Core {
  readonly handlers: CallHandlers;
  /** Sign in through the SignInWindow port (used at start-up by the harness). */
  signIn(registry: Registry): ReturnType<AccountBook['signIn']>;
  readonly vault: VaultService;
  /** Takes a copied secret off the clipboard if it is still there (before quitting). */
  readonly secretClipboard: SecretClipboard;
  /** The cargo hand-off (CARGO_HOME in use, file watch). */
  readonly cargo: CargoService;
  /** Resolves once the last known token lists are on disk (they are written in the background). */
  settled(): Promise<void>;
  /** The expiry watch: scheduler, notifications, tray and background refresh. */
  readonly watch: WatchControl;
  /** cargo asks Cratekeeper: the socket the provider executable asks. */
  readonly provider: ProviderControl;
}

/** What a shell does with the credential provider. */
export interface ProviderControl {
  /** Listens on the app's socket (or pipe) and writes the run file. */
  start(): Promise<void>;
  /** Stops listening and removes the socket and run file (quitting). */
  stop(): Promise<void>;
}

/** What a shell does with the expiry watch. */
export interface WatchControl {
  /** Starts the scheduler (tick, next-change timer, wake and background refresh) and shows the tray. */
  start(): void;
  /** Stops every timer and listener (quitting); the tray is destroyed. */
  stop(): void;
  /** Whether closing the window should keep the app running in the tray (setting, else platform default). */
  keepInTray(): boolean;
  /** Refreshes every account now (joins a refresh already running) and re-plans. */
  refreshNow(): Promise<void>;
}

/** Builds the application core from its ports. No Electron in here. */
export async function createCore(ports: CorePorts): Promise<Core> {
  // Both files are read at once: the first answer needs the vault's ids and the imported tokens.
  const [vault, importedTokens] = await Promise.all([
    VaultService.open({
      dataDir: ports.dataDir,
      keychain: ports.keychain,
      store: ports.store,
      events: ports.events,
      ...(ports.scryptParams ? { scryptParams: ports.scryptParams } : {}),
    }),
    loadImportedTokens(ports.dataDir, ports.store),
  ]);
  const book = new AccountBook({ ...ports, vault });
  const imported = new ImportedTokens(ports.dataDir, importedTokens, vault);
  const cache = await TokenCache.open(ports.dataDir);
  const secretClipboard = new SecretClipboard({
    clipboard: ports.clipboard,
    clock: ports.clock,
    clearAfterSeconds: () => ports.store.get('settings').clipboardClearSeconds,
  });
  // A locked vault means "nobody should get at my secrets now": that includes the clipboard.
  vault.onChange((status) => {
    if (status.state !== 'ready') void secretClipboard.clearIfOurs();
  });
  const cargo = new CargoService({
    environment: ports.cargo ?? isolatedCargoEnvironment(ports.dataDir),
    cargoHomeSetting: () => ports.store.get('settings').cargoHome,
    fetch: ports.fetch,
    clock: ports.clock,
    events: ports.events,
    vault,
    book,
    cache,
    imported,
  });
  const actions = new TokenActions({
    book,
    vault,
    clock: ports.clock,
    followRotation: (key) => cargo.followRotation(key),
  });
  const platform = ports.platform ?? process.platform;
  const notifier = ports.notifier ?? noNotifier;
  const window = ports.window ?? eventWindow(ports.events);
  const timers = ports.timers ?? nodeTimers;
  const watch = new ExpiryWatch({
    clock: ports.clock,
    monotonic: ports.monotonic ?? performanceClock,
    timers,
    powerEvents: ports.powerEvents ?? noPowerEvents,
    store: ports.store,
    events: ports.events,
    sources: new CoreWatchSources({ book, vault, imported, cache, store: ports.store }),
    tray: ports.tray ?? noTray,
    notifier,
    window,
    log: console,
  });
  const providerExecutable = ports.providerExecutable ?? developmentLauncher();
  const provider = new ProviderService({
    ...ports,
    timers,
    notifier,
    window,
    vault,
    book,
    cache,
    imported,
    cargo,
    config:
      ports.providerConfig ??
      cargoProviderConfig(() => cargo.cargoHome(), providerExecutable, ports.dataDir),
    executable: providerExecutable,
    log: console,
  });
  // Each feature owns its handlers; this root only wires them together.
  const featureHandlers: CallHandlers = {
    ...accountHandlers({ book, cache, actions }),
    ...tokenHandlers({
      book,
      vault,
      imported,
      cache,
      actions,
      secretClipboard,
      clock: ports.clock,
      warningDays: () => ports.store.get('settings').warningDays,
    }),
    ...vaultHandlers(vault),
    ...cargoHandlers(cargo),
    ...settingsHandlers({
      store: ports.store,
      loginItem: ports.loginItem ?? noLoginItem,
      keepInTrayDefault: keepInTrayDefault(platform),
      cargoHomeInUse: () => cargo.cargoHomeInUse(),
      changed: (before, after) => {
        if (before.cargoHome !== after.cargoHome) cargo.announce();
        return watch.runNow('asked');
      },
    }),
    ...watchHandlers({ watch, vault, imported, store: ports.store }),
    ...providerHandlers(provider),
    ...cratesHandlers({ crates: new CratesService(book), actions, cache, log: console }),
  };
  const handlers = withWatchFollowUps(featureHandlers, cache, () => void watch.check());
  return {
    handlers,
    signIn: (registry) => book.signIn(registry),
    vault,
    secretClipboard,
    cargo,
    settled: () => cache.settled(),
    watch: {
      start: () => {
        watch.start();
      },
      stop: () => {
        watch.stop();
      },
      keepInTray: () => ports.store.get('settings').keepInTray ?? keepInTrayDefault(platform),
      refreshNow: () => watch.runNow('refresh'),
    },
    provider: {
      start: () => provider.start(),
      stop: () => provider.stop(),
    },
  };
}

/** Connect cargo on the CARGO_HOME in use; a path cargo could not run makes it unavailable, not the core. */
function cargoProviderConfig(
  cargoHome: () => Promise<string>,
  executable: string,
  dataDir: string,
): ProviderConfigPort {
  try {
    return new CargoProviderConfig({ cargoHome, command: { executable, dataDir } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unavailableConfig(`Cratekeeper cannot connect cargo here: ${reason}`);
  }
}

/** This checkout's launcher; outside a checkout (a tool run elsewhere) just its name. */
function developmentLauncher(): string {
  try {
    return devLauncherPath();
  } catch {
    return PROVIDER_EXECUTABLE_BASENAME;
  }
}

/** Keep running in the tray by default where a tray is always visible (not on Linux: GNOME hides it). */
export function keepInTrayDefault(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}
