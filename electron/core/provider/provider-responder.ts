import {
  CARGO_OPERATIONS,
  type BuilderPrefill,
  type CargoOperation,
  type ProviderAuditEntry,
} from '../../../shared/domain/cargo-provider';
import type { EndpointScope } from '../../../shared/domain/scopes';
import type { Clock, EventSink } from '../ports';
import type { NotifierPort, WindowPort } from '../watch-ports';
import { describeOperation, type Approvals, type ApprovalOutcome } from './approvals';
import type { ProviderMemory } from './provider-memory';
import type { ProviderRegistry } from './provider-registries';
import { chooseToken, type Need, type TokenCandidate } from './token-choice';
import { cargoError, type CargoAnswer, type CargoRequest } from './wire';

/** What the responder needs from the rest of the core; fakes in tests. */
export interface ProviderResponderPorts {
  /** The registry cargo means by its index URL (and name), or null when unknown. */
  readonly resolveRegistry: (
    indexUrl: string,
    cargoName: string | undefined,
  ) => Promise<ProviderRegistry | null>;
  /** The tokens held for the registry (secrets in the vault). */
  readonly candidates: (registry: ProviderRegistry) => Promise<TokenCandidate[]>;
  /** Whether the registry has the crate (throws when it cannot tell). */
  readonly crateExists: (baseUrl: string, crate: string) => Promise<boolean>;
  /** Whether secrets can be read now (the vault is unlocked). */
  readonly vaultReady: () => boolean;
  /** A held token's secret (throws when the vault is locked). */
  readonly secretOf: (tokenKey: string) => Promise<string>;
  readonly memory: ProviderMemory;
  readonly approvals: Approvals;
  readonly notifier: NotifierPort;
  readonly window: WindowPort;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly newId: () => string;
}

export const UNLOCK_MESSAGE =
  "Unlock Cratekeeper's vault (enter your passphrase in Cratekeeper), then run cargo again.";

type Outcome = ProviderAuditEntry['outcome'];

/** What one answer records, besides the request's own facts. */
interface Decision {
  readonly answer: CargoAnswer;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly token?: TokenCandidate;
}

function isCargoOperation(value: string | undefined): value is CargoOperation {
  return (CARGO_OPERATIONS as readonly (string | undefined)[]).includes(value);
}

/** The sentence cargo shows for `kind`s other than `get`. */
function unsupportedKind(kind: string): CargoAnswer {
  if (kind === 'login') {
    return cargoError(
      'Cratekeeper keeps your tokens itself: create or import one in Cratekeeper instead of `cargo login`.',
    );
  }
  if (kind === 'logout') {
    return cargoError(
      'Cratekeeper keeps your tokens itself: revoke or forget the token in Cratekeeper instead of `cargo logout`.',
    );
  }
  return { Err: { kind: 'operation-not-supported' } };
}

/**
 * From cargo's request to the answer the provider executable passes on
 * (issue: credential provider). Every answer to a `get` is audited (metadata
 * only) and announced as `provider:answered`; a token is handed out with
 * `cache: "never"` and `operation_independent: false`, so cargo asks again
 * for each crate and operation.
 */
export class ProviderResponder {
  constructor(private readonly ports: ProviderResponderPorts) {}

  async respond(request: CargoRequest, signal?: AbortSignal): Promise<CargoAnswer> {
    if (request.kind === 'login' || request.kind === 'logout') {
      // A registry the app does not know is not its business: cargo:token logs in there.
      const known = await this.ports.resolveRegistry(
        request.registry['index-url'],
        request.registry.name,
      );
      return known ? unsupportedKind(request.kind) : { Err: { kind: 'url-not-supported' } };
    }
    if (request.kind !== 'get') return unsupportedKind(request.kind);
    const operation = request.operation;
    // A newer cargo may ask for an operation this app does not know: never guess a token for it.
    if (!isCargoOperation(operation)) return { Err: { kind: 'operation-not-supported' } };
    const at = this.ports.clock.now();
    const id = this.ports.newId();
    const crate = operation === 'read' ? null : (request.name ?? null);
    const version = operation === 'read' ? null : (request.vers ?? null);
    const indexUrl = request.registry['index-url'];
    const registry = await this.ports.resolveRegistry(indexUrl, request.registry.name);
    const decision = registry
      ? await this.decide({ id, registry, operation, crate, version }, signal)
      : {
          answer: { Err: { kind: 'url-not-supported' } } as const,
          outcome: 'not-supported' as const,
          reason: `Cratekeeper knows no registry with the index ${indexUrl}.`,
        };
    const entry: ProviderAuditEntry = {
      id,
      at: at.toISOString(),
      registry: registry?.registryName ?? indexUrl,
      operation,
      crate,
      version,
      tokenKey: decision.token?.key ?? null,
      tokenName: decision.token?.name ?? null,
      outcome: decision.outcome,
      reason: decision.reason,
    };
    this.ports.memory.record(entry);
    this.ports.events.emit('provider:answered', entry);
    return decision.answer;
  }

  private async decide(
    asked: {
      readonly id: string;
      readonly registry: ProviderRegistry;
      readonly operation: CargoOperation;
      readonly crate: string | null;
      readonly version: string | null;
    },
    signal: AbortSignal | undefined,
  ): Promise<Decision> {
    const { id, registry, operation, crate, version } = asked;
    const candidates = await this.ports.candidates(registry);
    if (candidates.length === 0) {
      return {
        answer: { Err: { kind: 'not-found' } },
        outcome: 'fell-through',
        reason: `Cratekeeper holds no token for ${registry.label}.`,
      };
    }
    if (operation !== 'read' && crate === null) {
      return {
        answer: cargoError(`cargo asked for a ${operation} token without naming the crate.`),
        outcome: 'refused',
        reason: 'cargo did not name the crate.',
      };
    }
    let exists = true;
    if (operation === 'publish' && crate !== null && registry.baseUrl !== null) {
      try {
        exists = await this.ports.crateExists(registry.baseUrl, crate);
      } catch (error) {
        const why = error instanceof Error ? error.message : 'no answer';
        const reason = `Cratekeeper could not ask ${registry.label} whether ${crate} exists (${why}), so it cannot tell publish-new from publish-update.`;
        return { answer: cargoError(`${reason} Run cargo again.`), outcome: 'refused', reason };
      }
    }
    const choice = chooseToken({
      operation,
      crate,
      crateExists: exists,
      candidates,
      now: this.ports.clock.now(),
    });
    const policy = this.ports.memory.policyOf(registry.registryName);
    if (choice.kind === 'none') {
      if (policy.whenNoToken === 'fall-through') {
        return {
          answer: { Err: { kind: 'not-found' } },
          outcome: 'fell-through',
          reason: `${choice.reason} Fell through to cargo's next provider.`,
        };
      }
      return {
        answer: cargoError(this.refusal(registry, choice.need)),
        outcome: 'refused',
        reason: choice.reason,
      };
    }
    if (!this.ports.vaultReady()) {
      return {
        answer: cargoError(UNLOCK_MESSAGE),
        outcome: 'refused',
        reason: 'The vault was locked.',
      };
    }
    if (policy.askBeforePublish && operation !== 'read') {
      const outcome = await this.ports.approvals.ask(
        {
          id,
          registryName: registry.registryName,
          operation,
          crate,
          version,
          tokenName: choice.token.name,
        },
        signal,
      );
      if (outcome !== 'allowed')
        return this.notApproved(outcome, registry, operation, crate, version, choice.token);
    }
    let secret: string;
    try {
      secret = await this.ports.secretOf(choice.token.key);
    } catch {
      return {
        answer: cargoError(UNLOCK_MESSAGE),
        outcome: 'refused',
        reason: `The secret of "${choice.token.name}" could not be read (the vault is locked).`,
      };
    }
    return {
      answer: { Ok: { kind: 'get', token: secret, cache: 'never', operation_independent: false } },
      outcome: 'allowed',
      reason: choice.reason,
      token: choice.token,
    };
  }

  private notApproved(
    outcome: Exclude<ApprovalOutcome, 'allowed'>,
    registry: ProviderRegistry,
    operation: CargoOperation,
    crate: string | null,
    version: string | null,
    token: TokenCandidate,
  ): Decision {
    const what = `cargo ${describeOperation(operation, crate, version)} on ${registry.label}`;
    if (outcome === 'timed-out') {
      return {
        answer: cargoError(
          `Nobody answered Cratekeeper's approval request within 60 seconds, so ${what} got no token. Run cargo again and allow it in Cratekeeper.`,
        ),
        outcome: 'timed-out',
        reason: `Not approved within 60 seconds (would have used "${token.name}").`,
      };
    }
    const cancelled = outcome === 'cancelled';
    return {
      answer: cargoError(`You denied ${what} in Cratekeeper: no token was given.`),
      outcome: 'denied',
      reason: cancelled
        ? `cargo stopped waiting before the request was approved (would have used "${token.name}").`
        : `Denied by you (would have used "${token.name}").`,
    };
  }

  /**
   * What cargo shows when no held token fits: what is needed, and where to
   * make it. For a write with an account to make it on, a notification
   * opens the builder filled in (the window opens there when the OS shows
   * no notification).
   */
  private refusal(registry: ProviderRegistry, need: Need): string {
    const { scope, crate } = need;
    if (scope === null || crate === null) {
      return `Cratekeeper holds no token for ${registry.label} that is valid for more than an hour. Create one in Cratekeeper.`;
    }
    const lacking = `Cratekeeper has no token that may ${scope} ${crate} on ${registry.label}.`;
    const account =
      registry.accounts.find((candidate) => candidate.status === 'signed-in') ??
      registry.accounts[0];
    if (!account) return `${lacking} Sign in to ${registry.label} in Cratekeeper to create one.`;
    this.offerBuilder(
      {
        accountId: account.id,
        name: `${crate} ${scope}`,
        endpointScopes: [scope],
        cratePatterns: [crate],
      },
      scope,
      crate,
      registry,
    );
    return `${lacking} Create one in Cratekeeper: the builder is filled in.`;
  }

  private offerBuilder(
    builder: BuilderPrefill,
    scope: EndpointScope,
    crate: string,
    registry: ProviderRegistry,
  ): void {
    const { notifier, window } = this.ports;
    const navigation = { to: 'builder' as const, builder };
    void notifier
      .show(
        {
          title: `cargo needs a token that may ${scope} ${crate}`,
          body: `Cratekeeper holds none for ${registry.label}. Click to create one: the builder is filled in.`,
          tokens: [],
        },
        () => {
          window.open(navigation);
        },
      )
      .then((shown) => {
        if (!shown) window.open(navigation);
      })
      .catch(() => undefined);
  }
}
