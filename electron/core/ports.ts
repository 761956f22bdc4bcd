/**
 * Everything the core needs from the outside world arrives through these small
 * interfaces, wired in one composition root per process (electron/main.ts for
 * the app, e2e/harness for the browser harness, fakes in unit tests).
 */

/** The subset of WHATWG fetch the core uses; Node's global fetch satisfies it. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Opens the registry's website so the user can sign in as on the website, and
 * resolves with the `cargo_session` cookie value once signed in. Electron opens
 * a window; the harness drives the simulator's OAuth flow over HTTP.
 */
export interface SignInWindow {
  signIn(registryBaseUrl: string): Promise<string>;
}

/** The user closed the sign-in window before signing in. */
export class SignInCancelledError extends Error {
  constructor(host: string) {
    super(`Sign-in to ${host} was cancelled: the window was closed.`);
    this.name = 'SignInCancelledError';
  }
}

/** Events the core pushes to whoever shows the UI. */
export interface EventSink {
  emit(name: string, payload: unknown): void;
}

/**
 * The system clipboard (Electron's async `clipboard` in the app, memory in the
 * harness and tests). The core writes secrets there only when the user asks.
 */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void | Promise<void>;
}
