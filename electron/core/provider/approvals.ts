import {
  APPROVAL_TIMEOUT_MS,
  type ApprovalRequest,
  type CargoOperation,
} from '../../../shared/domain/cargo-provider';
import type { Clock, EventSink } from '../ports';
import type { NotifierPort, Timers, WindowPort } from '../watch-ports';

/** How a request waiting for the user ended. `cancelled`: cargo stopped waiting. */
export type ApprovalOutcome = 'allowed' | 'denied' | 'timed-out' | 'cancelled';

export interface ApprovalsPorts {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly events: EventSink;
  readonly notifier: NotifierPort;
  readonly window: WindowPort;
}

interface Waiting {
  readonly request: ApprovalRequest;
  readonly settle: (outcome: ApprovalOutcome) => void;
}

/** "publish quill 1.2.0", "change the owners of quill": what cargo wants, for a sentence. */
export function describeOperation(
  operation: CargoOperation,
  crate: string | null,
  version: string | null,
): string {
  const verb = operation === 'owners' ? 'change the owners of' : operation;
  return [verb, crate, operation === 'owners' ? null : version]
    .filter((part) => part !== null)
    .join(' ');
}

/**
 * "Ask me before each publish": a request waits until the user allows or
 * denies it (`provider:approve`), or APPROVAL_TIMEOUT_MS passes. The window
 * hears `provider:approval-requested`; a notification says so when the
 * window is out of sight, and the window opens when the OS shows none.
 */
export class Approvals {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly ports: ApprovalsPorts) {}

  /** Waits for the user; `signal` ends the wait when cargo went away. */
  ask(fields: Omit<ApprovalRequest, 'deadline'>, signal?: AbortSignal): Promise<ApprovalOutcome> {
    const { clock, timers, events, notifier, window } = this.ports;
    const deadline = new Date(clock.now().getTime() + APPROVAL_TIMEOUT_MS).toISOString();
    const request: ApprovalRequest = { ...fields, deadline };
    return new Promise<ApprovalOutcome>((resolve) => {
      const onAbort = (): void => {
        settle('cancelled');
      };
      const timer = timers.setTimeout(() => {
        settle('timed-out');
      }, APPROVAL_TIMEOUT_MS);
      const settle = (outcome: ApprovalOutcome): void => {
        if (!this.waiting.delete(request.id)) return;
        timers.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      this.waiting.set(request.id, { request, settle });
      if (signal?.aborted) {
        settle('cancelled');
        return;
      }
      signal?.addEventListener('abort', onAbort);
      events.emit('provider:approval-requested', request);
      const what = describeOperation(request.operation, request.crate, request.version);
      void notifier
        .show(
          {
            title: `cargo asks to ${what}`,
            body: `On ${request.registryName}, with "${request.tokenName}". Allow or deny it in Cratekeeper within ${APPROVAL_TIMEOUT_MS / 1000} seconds.`,
            tokens: [],
          },
          () => {
            window.open();
          },
        )
        .then((shown) => {
          if (!shown && this.waiting.has(request.id)) window.open();
        })
        .catch(() => undefined);
    });
  }

  /** The requests waiting now, oldest first. */
  pending(): ApprovalRequest[] {
    return [...this.waiting.values()].map((waiting) => waiting.request);
  }

  /** The user's answer; false when the request is no longer waiting (answered, timed out). */
  answer(id: string, allow: boolean): boolean {
    const waiting = this.waiting.get(id);
    if (!waiting) return false;
    waiting.settle(allow ? 'allowed' : 'denied');
    return true;
  }

  /** Denies every waiting request (the app is quitting). */
  cancelAll(): void {
    for (const waiting of [...this.waiting.values()]) waiting.settle('cancelled');
  }
}
