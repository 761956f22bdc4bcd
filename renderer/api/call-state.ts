import type { Failure } from '../../shared/ipc/result';

/** What one call has answered so far, for one request key. */
export interface SettledCall<T> {
  /** Which request this answers; a newer key means a request is in flight. */
  readonly requestKey: string;
  /** The last good value, kept through failed reloads so the list does not vanish. */
  readonly value: T | undefined;
  /** The failure of this request, or undefined when it succeeded. */
  readonly error: Failure | undefined;
}

export type CallStatus = 'loading' | 'error' | 'ready';

/** A call as components read it: `status` narrows `value` and `error`. */
export type CallSnapshot<T> =
  | {
      readonly status: 'loading';
      readonly value: undefined;
      readonly error: undefined;
      readonly pending: true;
    }
  | {
      readonly status: 'ready';
      readonly value: T;
      readonly error: undefined;
      readonly pending: boolean;
    }
  | {
      readonly status: 'error';
      readonly value: T | undefined;
      readonly error: Failure;
      readonly pending: boolean;
    };

/** Records an answer; the previous good value survives a failure. */
export function settle<T>(
  previous: SettledCall<T> | null,
  requestKey: string,
  answer:
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure },
): SettledCall<T> {
  return answer.ok
    ? { requestKey, value: answer.value, error: undefined }
    : { requestKey, value: previous?.value, error: answer.error };
}

/**
 * Derives what to show. A request with nothing to show yet is `loading`, even
 * after an earlier failure, so that "Retry" gives visible feedback.
 */
export function snapshotOf<T>(settled: SettledCall<T> | null, requestKey: string): CallSnapshot<T> {
  const pending = settled?.requestKey !== requestKey;
  if (!settled || (pending && settled.value === undefined)) {
    return { status: 'loading', value: undefined, error: undefined, pending: true };
  }
  if (settled.error) {
    return { status: 'error', value: settled.value, error: settled.error, pending };
  }
  if (settled.value === undefined) {
    // A success always carries a value; this keeps the union honest without a cast.
    return { status: 'loading', value: undefined, error: undefined, pending: true };
  }
  return { status: 'ready', value: settled.value, error: undefined, pending };
}

/** Turns a thrown exception (a broken bridge, a crashed main process) into a failure to show. */
export function failureFromException(reason: unknown): Failure {
  const detail = reason instanceof Error ? reason.message : String(reason);
  return {
    code: 'internal',
    message: `Cratekeeper's background process did not answer: ${detail}`,
  };
}
