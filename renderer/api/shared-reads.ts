import type { CratekeeperApi } from '../../shared/ipc/api';
import { CALL_NAMES, EVENT_NAMES, type CallName } from '../../shared/ipc/names';

/**
 * Calls that only read. Two parts of the window often ask the same one at
 * once (the navigation's risk count and the Crates page both want the token
 * list and the crates): while one is in flight, an identical one shares its
 * answer instead of making the core and the registry do the work twice.
 */
export const SHAREABLE_READS: ReadonlySet<CallName> = new Set<CallName>([
  'accounts:list',
  'accounts:crates',
  'tokens:list',
  'crates:overview',
  'settings:get',
  'vault:status',
  'cargo:status',
  'provider:status',
]);

type Invoke = (input: unknown) => Promise<unknown>;

/**
 * Wraps the bridge so identical reads in flight share one answer. Never
 * across a change: any other call (sent or answered) and any event from the
 * core starts a new generation, and a read joins only a call of its own
 * generation. So a read asked after a change always gets an answer asked
 * after it too.
 */
export function withSharedReads(
  api: CratekeeperApi,
  shareable: ReadonlySet<CallName> = SHAREABLE_READS,
): CratekeeperApi {
  let generation = 0;
  const changed = () => {
    generation += 1;
  };
  for (const name of EVENT_NAMES) api.subscribe[name](changed);

  const inFlight = new Map<string, { readonly generation: number; answer: Promise<unknown> }>();
  const share =
    (name: CallName, call: Invoke): Invoke =>
    (input) => {
      // Inputs cross the bridge as JSON, so their JSON is a faithful identity.
      const key = `${name}\n${JSON.stringify(input)}`;
      const joined = inFlight.get(key);
      if (joined?.generation === generation) return joined.answer;
      const entry = { generation, answer: call(input) };
      inFlight.set(key, entry);
      const forget = () => {
        if (inFlight.get(key) === entry) inFlight.delete(key);
      };
      entry.answer.then(forget, forget);
      return entry.answer;
    };
  const change =
    (call: Invoke): Invoke =>
    (input) => {
      changed();
      const answer = call(input);
      answer.then(changed, changed);
      return answer;
    };

  const invoke = Object.fromEntries(
    CALL_NAMES.map((name) => {
      const call = api.invoke[name] as Invoke;
      return [name, shareable.has(name) ? share(name, call) : change(call)];
    }),
  );
  // The cast is where the name table meets the mapped type: every entry wraps the same call.
  return { invoke: invoke as unknown as CratekeeperApi['invoke'], subscribe: api.subscribe };
}
