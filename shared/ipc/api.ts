import type { Result } from './result';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './contract';

export type Unsubscribe = () => void;

/**
 * What the renderer gets as `window.cratekeeper`: one method per call and one
 * subscription per event, both keyed by the contract's names. The preload and
 * the browser harness build it from the contract table, so it cannot drift.
 */
export interface CratekeeperApi {
  readonly invoke: {
    readonly [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  };
  readonly subscribe: {
    readonly [E in EventName]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
  };
}

/** The global name under which the API is exposed to the page. */
export const API_GLOBAL = 'cratekeeper';

/**
 * Builds the API object from two transport functions. Used by the preload
 * (ipcRenderer) and the harness bridge (HTTP + server-sent events).
 */
export function buildApi(
  callNames: readonly CallName[],
  eventNames: readonly EventName[],
  send: (name: CallName, input: unknown) => Promise<unknown>,
  listen: (name: EventName, listener: (payload: unknown) => void) => Unsubscribe,
): CratekeeperApi {
  const invoke = Object.fromEntries(
    callNames.map((name) => [name, (input: unknown) => send(name, input)]),
  );
  const subscribe = Object.fromEntries(
    eventNames.map((name) => [
      name,
      (listener: (payload: unknown) => void) => listen(name, listener),
    ]),
  );
  // The casts are the one place where the generic table meets the mapped type;
  // every entry was produced from the same name list above.
  return { invoke, subscribe } as unknown as CratekeeperApi;
}
