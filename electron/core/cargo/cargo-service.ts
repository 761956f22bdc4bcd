import { listedBefore } from './listed-before';
import type { Account } from '../../../shared/domain/account';
import type {
  CargoRegistryUse,
  CargoStatus,
  CargoWritePlan,
} from '../../../shared/domain/cargo-use';
import type { TokenView } from '../../../shared/domain/token';
import { importTokenInputSchema } from '../../../shared/domain/token-import';
import { parseRegistryTokenKey } from '../../../shared/domain/token-key';
import type { AccountBook } from '../account-book';
import { ActionError } from '../action-error';
import type { ImportedTokens } from '../imported-tokens';
import type { Clock, EventSink, Fetch } from '../ports';
import type { TokenCache } from '../token-cache';
import { tokenSecretId } from '../token-secrets';
import type { VaultService } from '../vault-service';
import { CargoHomeLocator, type CargoEnvironment } from './cargo-home';
import { CargoWatcher } from './cargo-watcher';
import { changeLines } from './change-preview';
import {
  parseToml,
  registriesWithTokens,
  removeCargoToken,
  setCargoToken,
  tokenIn,
  TomlSyntaxError,
  UnsafeEditError,
} from './credentials-edit';
import {
  configPathIn,
  credentialsPathIn,
  NotUtf8Error,
  readCredentialsText,
  removeLeftoverCopies,
  writeCredentialsText,
} from './credentials-file';
import { HeldSecretHashes, sha256Hex } from './held-secrets';
import { findOverrides } from './overrides';
import { RegistryNames } from './registry-names';

export interface CargoServicePorts {
  readonly environment: CargoEnvironment;
  /** The folder chosen in Settings, or null. */
  readonly cargoHomeSetting: () => string | null;
  readonly fetch: Fetch;
  readonly clock: Clock;
  readonly events: EventSink;
  readonly vault: VaultService;
  readonly book: AccountBook;
  readonly cache: TokenCache;
  readonly imported: ImportedTokens;
  /** Quiet time before a change on disk is reported (tests shorten it). */
  readonly watchDebounceMs?: number;
}

/** What the core knows about a held token, for matching and alerts. */
interface HeldToken {
  /** null when the last known list does not have it (not fetched yet, or revoked since). */
  readonly name: string | null;
  readonly expiresAt: string | null;
  /** The registry no longer lists it (revoked elsewhere), as far as the last list tells. */
  readonly revoked: boolean;
  readonly accountId: string | null;
  /** cargo's registry name for it. */
  readonly registry: string;
}

const FAR_PAST_DAYS = 36500;

/** Errors of reading or editing the file, as messages for the user. */
function asActionError(error: unknown, path: string): unknown {
  if (
    error instanceof TomlSyntaxError ||
    error instanceof UnsafeEditError ||
    error instanceof NotUtf8Error
  ) {
    return new ActionError('invalid-input', error.message);
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return new ActionError(
      'invalid-input',
      `Cratekeeper could not use ${path} (${error.code}). Check that the folder exists and that you may write to it.`,
    );
  }
  return error;
}

/**
 * The cargo hand-off: which token cargo reads per registry, the write and
 * removal of one registry's token in cargo's credentials file, what
 * overrides it, and import from it. No answer carries a secret.
 */
export class CargoService {
  private readonly locator: CargoHomeLocator;
  private readonly names: RegistryNames;
  private readonly hashes: HeldSecretHashes;
  private readonly watcher: CargoWatcher;
  /** Writes to the file, one after another. */
  private writing: Promise<unknown> = Promise.resolve();
  private lastHome: string | null = null;
  /** Names of tokens seen in this run: a revoked token leaves the list, but the alert still names it. */
  private readonly knownNames = new Map<string, string>();

  constructor(private readonly ports: CargoServicePorts) {
    this.locator = new CargoHomeLocator(ports.environment);
    this.names = new RegistryNames(ports.fetch);
    this.hashes = new HeldSecretHashes(ports.vault);
    this.watcher = new CargoWatcher(() => {
      this.announce();
    }, ports.watchDebounceMs ?? 200);
  }

  /** The CARGO_HOME in use (setting, environment, login shell, default). */
  async cargoHome(): Promise<string> {
    const home = (await this.locator.resolve(this.ports.cargoHomeSetting())).path;
    this.lastHome = home;
    return home;
  }

  /**
   * The CARGO_HOME in use as far as known now, for the Settings page: the
   * chosen folder, else the one found last (finding it starts here if it
   * never ran: a login shell may take a moment), else null.
   */
  cargoHomeInUse(): string | null {
    const chosen = this.ports.cargoHomeSetting();
    if (chosen) return chosen;
    if (this.lastHome === null) void this.cargoHome().catch(() => undefined);
    return this.lastHome;
  }

  /** Re-reads and emits `cargo:changed` (the file changed, or the CARGO_HOME setting). */
  announce(): void {
    void this.status()
      .then((status) => {
        this.ports.events.emit('cargo:changed', status);
      })
      .catch(() => undefined);
  }

  /** Stops watching the folder (quitting). */
  dispose(): void {
    this.watcher.close();
  }

  async status(): Promise<CargoStatus> {
    const home = await this.cargoHome();
    this.watcher.watch(home);
    const file = await credentialsPathIn(home);
    let document: unknown;
    try {
      const text = await readCredentialsText(file);
      document = text === null ? {} : parseToml(text, file);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      return { cargoHome: home, credentialsFile: file, problem, registries: [] };
    }
    const config = await this.readConfig(home);
    const byHash = await this.hashes.current();
    const accountsByName = await this.accountsByCargoName(config);
    const registries: CargoRegistryUse[] = [];
    for (const registry of registriesWithTokens(document)) {
      const token = tokenIn(document, registry) ?? '';
      const hash = sha256Hex(token);
      const heldKey = byHash.get(hash) ?? null;
      const key = heldKey ?? this.hashes.goneKey(hash);
      // A registry token whose secret left the vault was revoked (rotated, revoked, or forgotten once revoked elsewhere).
      const held = key ? await this.describe(key, config, heldKey === null) : null;
      registries.push({
        registry,
        tokenKey: heldKey,
        present: true,
        accountId: held?.accountId ?? accountsByName.get(registry)?.id ?? null,
        alert: this.alertFor(registry, held),
      });
    }
    return { cargoHome: home, credentialsFile: file, problem: null, registries };
  }

  async plan(key: string): Promise<CargoWritePlan> {
    const home = await this.cargoHome();
    const file = await credentialsPathIn(home);
    const config = await this.readConfig(home);
    const held = await this.describe(key, config);
    if (!held) throw new ActionError('not-found', 'This token is no longer in the list.');
    const secret = await this.ports.vault.get().reveal(tokenSecretId(key));
    try {
      const existing = await readCredentialsText(file);
      const before = existing ?? '';
      const edit = setCargoToken(before, held.registry, secret, file);
      const document = parseToml(before, file);
      const secrets = [
        secret,
        ...registriesWithTokens(document).map((name) => tokenIn(document, name) ?? ''),
      ];
      const { overrides, fileIsRead } = findOverrides(
        held.registry,
        config,
        this.ports.environment.env,
      );
      return {
        tokenKey: key,
        registry: held.registry,
        file,
        fileExists: existing !== null,
        change: edit.splice ? changeLines(before, edit.text, edit.splice, secrets) : [],
        overrides,
        fileIsRead,
      };
    } catch (error) {
      throw asActionError(error, file);
    }
  }

  async write(key: string): Promise<CargoStatus> {
    const config = await this.readConfig(await this.cargoHome());
    const held = await this.describe(key, config);
    if (!held) throw new ActionError('not-found', 'This token is no longer in the list.');
    const secret = await this.ports.vault.get().reveal(tokenSecretId(key));
    await this.editFile((text, file) => setCargoToken(text, held.registry, secret, file).text);
    return this.status();
  }

  async remove(registry: string): Promise<CargoStatus> {
    await this.editFile((text, file) => removeCargoToken(text, registry, file).text);
    return this.status();
  }

  /** Imports the file's token for `registry` as an imported token (cargo's name kept). */
  async importFrom(registry: string): Promise<TokenView> {
    const home = await this.cargoHome();
    const file = await credentialsPathIn(home);
    let token: string | undefined;
    try {
      const text = await readCredentialsText(file);
      token = text === null ? undefined : tokenIn(parseToml(text, file), registry);
    } catch (error) {
      throw asActionError(error, file);
    }
    if (token === undefined) {
      throw new ActionError('not-found', `cargo's credentials have no token for ${registry}.`);
    }
    const held = (await this.hashes.current()).get(sha256Hex(token));
    if (held) {
      throw new ActionError(
        'invalid-input',
        `Cratekeeper already holds the token cargo uses for ${registry}.`,
      );
    }
    const input = importTokenInputSchema.safeParse({
      registryName: registry,
      name: `cargo's ${registry} token`,
      token,
      expiresAt: null,
    });
    if (!input.success) {
      const reason = input.error.issues[0]?.message ?? 'it is not a token cargo accepts';
      throw new ActionError('invalid-input', `The token in ${file} cannot be imported: ${reason}`);
    }
    return this.ports.imported.add(input.data, this.ports.clock.now());
  }

  /**
   * Before a rotation: when cargo uses `oldKey`'s secret, returns what writes
   * the new token's secret in its place (a problem sentence, or null when
   * written); null when cargo does not use it.
   */
  async followRotation(
    oldKey: string,
  ): Promise<((created: TokenView) => Promise<string | null>) | null> {
    const oldHash = await this.hashes.hashOf(oldKey).catch(() => null);
    if (!oldHash) return null;
    const status = await this.status().catch(() => null);
    if (!status?.registries.some((use) => use.tokenKey === oldKey)) return null;
    return async (created) => {
      try {
        await this.write(created.key);
        return null;
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unknown problem';
        return `The new token could not be written to cargo's credentials: ${reason}`;
      }
    };
  }

  /** Read, edit and replace the file, one edit at a time; a malformed file is left untouched. */
  private async editFile(edit: (text: string, file: string) => string): Promise<void> {
    const run = async (): Promise<void> => {
      const file = await credentialsPathIn(await this.cargoHome());
      try {
        await removeLeftoverCopies(file);
        const before = await readCredentialsText(file);
        const after = edit(before ?? '', file);
        if (before !== null && after === before) return;
        if (before === null && after === '') return;
        await writeCredentialsText(file, after);
      } catch (error) {
        throw asActionError(error, file);
      }
    };
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async readConfig(home: string): Promise<unknown> {
    const path = await configPathIn(home);
    try {
      const text = await readCredentialsText(path);
      return text === null ? {} : parseToml(text, path);
    } catch {
      // cargo's config is read for names and overrides only; a broken one is cargo's to report.
      return {};
    }
  }

  private async accountsByCargoName(config: unknown): Promise<Map<string, Account>> {
    const byName = new Map<string, Account>();
    for (const account of this.ports.book.list()) {
      const name = await this.names.cargoNameOf(account.registry, config);
      if (!byName.has(name)) byName.set(name, account);
    }
    return byName;
  }

  private async describe(key: string, config: unknown, gone = false): Promise<HeldToken | null> {
    const ref = parseRegistryTokenKey(key);
    if (ref) {
      const account = this.ports.book.find(ref.accountId);
      if (!account) return null;
      const list = await this.ports.cache.get(ref.accountId);
      const wire = list?.tokens.find((token) => token.id === ref.tokenId);
      if (wire) this.knownNames.set(key, wire.name);
      return {
        name: wire?.name ?? this.knownNames.get(key) ?? null,
        expiresAt: wire?.expired_at ?? null,
        revoked:
          gone || (list !== null && wire === undefined && listedBefore(ref.tokenId, list.tokens)),
        accountId: ref.accountId,
        registry: await this.names.cargoNameOf(account.registry, config),
      };
    }
    const view = this.ports.imported
      .views(this.ports.clock.now(), FAR_PAST_DAYS)
      .find((candidate) => candidate.key === key);
    if (!view) return null;
    return {
      name: view.name,
      expiresAt: view.expiresAt,
      revoked: false,
      accountId: null,
      registry: view.registryName,
    };
  }

  private alertFor(registry: string, held: HeldToken | null): string | null {
    if (!held) return null;
    const now = this.ports.clock.now().getTime();
    const which = held.name === null ? 'a token' : `"${held.name}"`;
    if (held.revoked) {
      return `cargo uses ${which} for ${registry}, but it was revoked: cargo's publishes will fail. Write a current token with "Use with cargo".`;
    }
    if (held.expiresAt !== null && Date.parse(held.expiresAt) <= now) {
      return `cargo uses ${which} for ${registry}, which expired on ${held.expiresAt.slice(0, 10)}: cargo's publishes will fail. Write a current token with "Use with cargo".`;
    }
    return null;
  }
}
