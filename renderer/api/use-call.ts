import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { useApi } from './api-context';
import { settle, snapshotOf, type CallSnapshot, type SettledCall } from './call-state';
import { invokeSafely } from './invoke-safely';
import { freshly } from './shared-reads';

export type CallState<K extends CallName> = CallSnapshot<CallOutput<K>> & {
  /** Asks again; the current value stays on screen until the answer comes. */
  readonly reload: () => void;
};

/**
 * Calls `name` with `input` on mount, again whenever the input's value changes
 * and on `reload()`. Answers that arrive after a newer request started are
 * dropped, so a slow early answer cannot overwrite a fresh one.
 */
export function useCall<K extends CallName>(name: K, input: CallInput<K>): CallState<K> {
  const api = useApi();
  // Inputs cross IPC as JSON anyway, so their JSON is a faithful identity.
  const inputKey = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const requestKey = `${name}#${generation}#${inputKey}`;
  const [settled, setSettled] = useState<SettledCall<CallOutput<K>> | null>(null);

  useEffect(() => {
    let current = true;
    const ask = () => invokeSafely(api, name, JSON.parse(inputKey) as CallInput<K>);
    // The first ask may share a read already on its way; a reload asks anew.
    void (generation === 0 ? ask() : freshly(ask)).then((answer) => {
      if (current) setSettled((previous) => settle(previous, requestKey, answer));
    });
    return () => {
      current = false;
    };
  }, [api, name, inputKey, requestKey, generation]);

  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);

  return { ...snapshotOf(settled, requestKey), reload };
}
