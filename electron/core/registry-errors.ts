import { apiErrorResponseSchema } from '../../shared/domain/api-token';
import { retryAfterMs } from './read-retry';

/** A registry answered with an error status; `detail` is the server's own text. */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** How long the registry asked to wait (`Retry-After`); null when it did not say. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${detail} (HTTP ${status})`);
    this.name = 'RegistryError';
  }

  /** crates.io answers 403 on a cookie call when the session is gone. */
  get isAuthFailure(): boolean {
    return this.status === 403 || this.status === 401;
  }

  /** 429: the registry is reachable and asks the app to slow down, not offline. */
  get isRateLimited(): boolean {
    return this.status === 429;
  }
}

/** The registry could not be reached, or answered something that is not its API. */
export class RegistryUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RegistryUnavailableError';
  }
}

/** The registry did not answer, or did not finish its answer, within the time limit. */
export class RegistryTimeoutError extends RegistryUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryTimeoutError';
  }
}

/** The registry's answer was larger than the app reads; it was left unread. */
export class RegistryAnswerTooLargeError extends RegistryUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryAnswerTooLargeError';
  }
}

/** What an error answer is read from: its status and its (already bounded) text. */
export interface ErrorAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly text: string;
  /** For `Retry-After` on a 429 or 503. */
  readonly headers?: Headers;
}

/** Reads crates.io's error envelope, falling back to the status text. */
export function registryErrorFrom(answer: ErrorAnswer, nowMs: number = Date.now()): RegistryError {
  let detail = answer.statusText || 'request failed';
  try {
    const parsed = apiErrorResponseSchema.safeParse(JSON.parse(answer.text));
    const first = parsed.success ? parsed.data.errors[0] : undefined;
    if (first) detail = first.detail;
  } catch {
    // Not JSON: keep the status text; the body may hold anything, so never echo it.
  }
  const retryAfter = retryAfterMs(answer.headers?.get('Retry-After') ?? null, nowMs);
  return new RegistryError(answer.status, detail, retryAfter);
}
