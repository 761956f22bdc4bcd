import type { Fetch } from '../ports';
import {
  RegistryAnswerTooLargeError,
  RegistryTimeoutError,
  RegistryUnavailableError,
} from '../registry-errors';
import { discardBody, readCappedText } from './capped-body';
import { Deadline } from './deadline';
import { describeDuration, describeSize, type RegistryHttpLimits } from './http-limits';

export interface RegistryRequest {
  readonly url: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Which cap a successful answer is held to (an error answer always gets the smaller one). */
  readonly cap: 'list' | 'answer';
  /** False when the status is the whole answer (a DELETE): a 2xx body is dropped unread. */
  readonly readBody: boolean;
}

/** An answer read whole, within the limits. */
export interface RegistryAnswer {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
}

function answerOf(response: Response, text: string): RegistryAnswer {
  const { status, ok, statusText, headers } = response;
  return { status, ok, statusText, headers, text };
}

/**
 * Sends one request and reads its whole answer within the limits: the
 * headers within `headersTimeoutMs`, then the body within `bodyTimeoutMs`
 * and its cap. Redirects are never followed (the cookie would go with them).
 *
 * Every failure is a RegistryUnavailableError, so the last known list stays
 * on screen: RegistryTimeoutError and RegistryAnswerTooLargeError for the
 * limits, the plain class for no connection or a broken answer. Messages name
 * the host and the limit, never the answer's text (it may hold a secret).
 *
 * An error status stands even when its body does not come whole or in time:
 * the body only adds the server's wording.
 */
export async function exchange(
  fetch: Fetch,
  request: RegistryRequest,
  limits: RegistryHttpLimits,
): Promise<RegistryAnswer> {
  const host = new URL(request.url).host;
  const controller = new AbortController();
  const abort = (reason: Error): void => {
    controller.abort(reason);
  };

  const headersDeadline = new Deadline(
    limits.headersTimeoutMs,
    () =>
      new RegistryTimeoutError(
        `${host} did not answer within ${describeDuration(limits.headersTimeoutMs)}.`,
      ),
    abort,
  );
  let response: Response;
  try {
    response = await headersDeadline.race(
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'error',
        signal: controller.signal,
      }),
    );
  } catch (cause) {
    if (cause instanceof RegistryTimeoutError) throw cause;
    throw new RegistryUnavailableError(`Could not reach ${host}.`, { cause });
  } finally {
    headersDeadline.clear();
  }

  if (response.ok && !request.readBody) {
    discardBody(response);
    return answerOf(response, '');
  }
  const maxBytes =
    response.ok && request.cap === 'list' ? limits.maxListBytes : limits.maxAnswerBytes;
  const bodyDeadline = new Deadline(
    limits.bodyTimeoutMs,
    () =>
      new RegistryTimeoutError(
        `${host} did not finish its answer within ${describeDuration(limits.bodyTimeoutMs)}.`,
      ),
    abort,
  );
  try {
    const tooLarge = (): Error =>
      new RegistryAnswerTooLargeError(
        `${host}'s answer was larger than ${describeSize(maxBytes)}; it was not read.`,
      );
    return answerOf(response, await readCappedText(response, maxBytes, tooLarge, bodyDeadline));
  } catch (error) {
    // Hang up whatever went wrong, so the server stops sending.
    controller.abort(error);
    if (!response.ok) return answerOf(response, '');
    if (error instanceof RegistryUnavailableError) throw error;
    throw new RegistryUnavailableError(`The answer from ${host} was cut off.`, { cause: error });
  } finally {
    bodyDeadline.clear();
  }
}
