import type { Registry } from '../../shared/domain/account';
import { AccountBook } from './account-book';
import type { CallHandlers } from './dispatch';
import { accountHandlers } from './features/account-handlers';
import { pendingHandlers } from './features/pending-handlers';
import { tokenHandlers } from './features/token-handlers';
import { vaultHandlers } from './features/vault-handlers';
import { ImportedTokens, loadImportedTokens } from './imported-tokens';
import type { Clipboard, Clock, EventSink, Fetch, SignInWindow } from './ports';
import type { ReadRetryPolicy } from './read-retry';
import { SecretClipboard } from './secret-clipboard';
import type { MetadataStore } from './store/metadata-store';
import { TokenActions } from './token-actions';
import { TokenCache } from './token-cache';
import type { ScryptParams } from './vault/vault-header';
import { VaultService, type Keychain } from './vault-service';

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
  /** Read retries without real waiting, for tests only. */
  readonly readRetry?: ReadRetryPolicy;
  /** Cheaper key derivation for tests only. */
  readonly scryptParams?: ScryptParams;
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
  /** Resolves once the last known token lists are on disk (they are written in the background). */
  settled(): Promise<void>;
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
  const actions = new TokenActions({ book, vault, clock: ports.clock });
  // Each feature owns its handlers; this root only wires them together.
  const handlers: CallHandlers = {
    ...accountHandlers({ book, cache, actions }),
    ...tokenHandlers({
      book,
      vault,
      imported,
      cache,
      actions,
      secretClipboard,
      clock: ports.clock,
    }),
    ...vaultHandlers(vault),
    ...pendingHandlers(),
  };
  return {
    handlers,
    signIn: (registry) => book.signIn(registry),
    vault,
    secretClipboard,
    settled: () => cache.settled(),
  };
}
