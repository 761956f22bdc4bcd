import { useCallback } from 'react';
import type { CratekeeperApi } from '../../shared/ipc/api';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { useApi } from './api-context';
import { failureFromException } from './call-state';
import { CALLS_IN_FLIGHT } from './calls-in-flight';

/** Calls the core; a broken bridge answers as a failure instead of throwing. */
export async function invokeSafely<K extends CallName>(
  api: CratekeeperApi,
  name: K,
  input: CallInput<K>,
): Promise<Result<CallOutput<K>>> {
  try {
    return await CALLS_IN_FLIGHT.track(api.invoke[name](input));
  } catch (reason) {
    return { ok: false, error: failureFromException(reason) };
  }
}

/** `invokeSafely` bound to the nearest `ApiProvider`'s API, for actions the user starts. */
export function useInvoke(): <K extends CallName>(
  name: K,
  input: CallInput<K>,
) => Promise<Result<CallOutput<K>>> {
  const api = useApi();
  return useCallback((name, input) => invokeSafely(api, name, input), [api]);
}
