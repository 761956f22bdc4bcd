import type { Registry } from '../../shared/domain/account';
import { AccountBook } from './account-book';
import type { CallHandlers } from './dispatch';
import type { Clock, EventSink, Fetch, SignInWindow } from './ports';
import { listAllTokens } from './token-lister';

export interface CorePorts {
  readonly fetch: Fetch;
  readonly clock: Clock;
  readonly signInWindow: SignInWindow;
  readonly events: EventSink;
}

export interface Core {
  readonly handlers: CallHandlers;
  /** Sign in through the SignInWindow port (used at start-up by the harness). */
  signIn(registry: Registry): ReturnType<AccountBook['signIn']>;
}

/** Builds the application core from its ports. No Electron in here. */
export function createCore(ports: CorePorts): Core {
  const book = new AccountBook(ports.fetch, ports.signInWindow, ports.events, ports.clock);
  const handlers: CallHandlers = {
    'accounts:list': () => Promise.resolve(book.list()),
    'tokens:list': ({ expiredDays }) => listAllTokens(book, expiredDays),
  };
  return { handlers, signIn: (registry) => book.signIn(registry) };
}
