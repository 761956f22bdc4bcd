import { randomUUID } from 'node:crypto';
import type {
  ApprovalRequest,
  ProviderAuditEntry,
  ProviderPolicy,
  ProviderStatus,
} from '../../../shared/domain/cargo-provider';
import type { AccountBook } from '../account-book';
import { ActionError } from '../action-error';
import type { CargoService } from '../cargo/cargo-service';
import { RegistryNames } from '../cargo/registry-names';
import type { ImportedTokens } from '../imported-tokens';
import type { Clock, EventSink, Fetch } from '../ports';
import type { MetadataStore } from '../store/metadata-store';
import type { TokenCache } from '../token-cache';
import { tokenSecretId } from '../token-secrets';
import type { VaultService } from '../vault-service';
import type { NotifierPort, Timers, WindowPort } from '../watch-ports';
import { Approvals } from './approvals';
import { crateExists } from './crate-exists';
import { HeldTokens } from './held-tokens';
import type { ProviderConfigPort } from './provider-config-port';
import { ProviderMemory } from './provider-memory';
import { ProviderRegistries } from './provider-registries';
import { ProviderResponder } from './provider-responder';
import { ProviderServer } from './provider-server';

export interface ProviderServicePorts {
  readonly dataDir: string;
  readonly fetch: Fetch;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly events: EventSink;
  readonly notifier: NotifierPort;
  readonly window: WindowPort;
  readonly store: MetadataStore;
  readonly vault: VaultService;
  readonly book: AccountBook;
  readonly cache: TokenCache;
  readonly imported: ImportedTokens;
  readonly cargo: CargoService;
  /** cargo's config.toml: Connect and Disconnect cargo. */
  readonly config: ProviderConfigPort;
  /** The executable Connect cargo names (launcher or packaged provider). */
  readonly executable: string;
  readonly log: Pick<Console, 'warn'>;
  readonly platform?: NodeJS.Platform;
}

/**
 * cargo asks Cratekeeper (issue: credential provider), assembled: the socket
 * the provider executable asks, the responder behind it, the approvals
 * waiting, the policies and audit, and Connect cargo through the config
 * port. What the window sees of it never holds a secret.
 */
export class ProviderService {
  private readonly server: ProviderServer;
  private readonly memory: ProviderMemory;
  private readonly approvals: Approvals;
  private readonly registries: ProviderRegistries;
  private stopWatchingConfig: (() => void) | null = null;

  constructor(private readonly ports: ProviderServicePorts) {
    const { clock, timers, events, notifier, window, vault, imported } = ports;
    this.memory = new ProviderMemory(ports.store);
    this.approvals = new Approvals({ clock, timers, events, notifier, window });
    this.registries = new ProviderRegistries({
      accounts: () => ports.book.list(),
      importedRegistryNames: () => [
        ...new Set(imported.views(clock.now()).map((view) => view.registryName)),
      ],
      names: new RegistryNames(ports.fetch),
      cargoHome: () => ports.cargo.cargoHome(),
    });
    const held = new HeldTokens(ports);
    const responder = new ProviderResponder({
      resolveRegistry: (index, name) => this.registries.resolve(index, name),
      candidates: (registry) => held.candidates(registry),
      crateExists: (baseUrl, crate) => crateExists(ports.fetch, baseUrl, crate),
      vaultReady: () => vault.status().state === 'ready',
      secretOf: (key) => vault.get().reveal(tokenSecretId(key)),
      memory: this.memory,
      approvals: this.approvals,
      notifier,
      window,
      events,
      clock,
      newId: () => randomUUID(),
    });
    this.server = new ProviderServer({
      dataDir: ports.dataDir,
      respond: (request, signal) => responder.respond(request, signal),
      log: ports.log,
      ...(ports.platform ? { platform: ports.platform } : {}),
    });
  }

  /** Listens for the provider executable and follows config.toml. */
  async start(): Promise<void> {
    this.stopWatchingConfig ??= this.ports.config.onChange(() => {
      this.announce();
    });
    await this.server.start();
    this.announce();
  }

  /** Stops listening (quitting): waiting approvals end, the socket and run file go. */
  async stop(): Promise<void> {
    this.stopWatchingConfig?.();
    this.stopWatchingConfig = null;
    this.approvals.cancelAll();
    await this.server.stop();
  }

  async status(): Promise<ProviderStatus> {
    const [state, registries, cargo] = await Promise.all([
      this.ports.config.read(),
      this.registries.list(),
      this.ports.cargo.status().catch(() => null),
    ]);
    const plaintext = new Set(
      (cargo?.registries ?? []).filter((use) => use.present).map((use) => use.registry),
    );
    return {
      connected: state.connected,
      configFile: state.configFile,
      executable: this.ports.executable,
      listening: this.server.listening,
      problem: state.problem,
      registries: registries.map((registry) => ({
        registryName: registry.registryName,
        accountIds: registry.accounts.map((account) => account.id),
        policy: this.memory.policyOf(registry.registryName),
        shadowedBy: state.shadowedBy[registry.registryName] ?? null,
        plaintextInCredentials: plaintext.has(registry.registryName),
      })),
    };
  }

  async connect(): Promise<ProviderStatus> {
    const state = await this.ports.config.connect();
    if (state.problem !== null) throw new ActionError('invalid-input', state.problem);
    return this.changed();
  }

  async disconnect(): Promise<ProviderStatus> {
    const state = await this.ports.config.disconnect();
    if (state.problem !== null) throw new ActionError('invalid-input', state.problem);
    return this.changed();
  }

  setPolicy(registryName: string, change: Partial<ProviderPolicy>): Promise<ProviderStatus> {
    this.memory.setPolicy(registryName, change);
    return this.changed();
  }

  audit(): ProviderAuditEntry[] {
    return this.memory.audit();
  }

  pendingApprovals(): ApprovalRequest[] {
    return this.approvals.pending();
  }

  approve(id: string, allow: boolean): { id: string } {
    if (!this.approvals.answer(id, allow)) {
      throw new ActionError(
        'not-found',
        'This request is no longer waiting: it was answered, timed out, or cargo stopped waiting.',
      );
    }
    return { id };
  }

  /** Re-reads the status and sends it as `provider:changed`. */
  announce(): void {
    void this.status()
      .then((status) => {
        this.ports.events.emit('provider:changed', status);
      })
      .catch(() => undefined);
  }

  private async changed(): Promise<ProviderStatus> {
    const status = await this.status();
    this.ports.events.emit('provider:changed', status);
    return status;
  }
}
