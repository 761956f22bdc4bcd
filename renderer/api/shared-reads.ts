import type { CratekeeperApi } from '../../shared/ipc/api';
import type { CallInput } from '../../shared/ipc/contract';
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
  'watch:attention',
  'watch:attention-keys',
  'cargo:status',
  'cargo:plan',
  'provider:status',
  'provider:audit',
  'provider:pending-approvals',
]);

type Invoke = (input: unknown) => Promise<unknown>;

/** Set while `freshly` runs its reads. */
let askingFresh = false;

/**
 * Runs `ask` (which sends reads at once, synchronously) so that its reads
 * share nothing started earlier: Refresh, Retry and every reload mean "ask
 * the registry now", and a call started before the press may predate a
 * change made outside the window (on the registry's website, say). Later
 * identical reads may still join them.
 */
export function freshly<T>(ask: () => T): T {
  const outer = askingFresh;
  askingFresh = true;
  try {
    return ask();
  } finally {
    askingFresh = outer;
  }
}

/** A read to start before the window is drawn (its first page asks it first). */
export interface Prefetch<K extends CallName = CallName> {
  readonly name: K;
  readonly input: CallInput<K>;
}

/** A typed {@link Prefetch}. */
export function prefetch<K extends CallName>(name: K, input: CallInput<K>): Prefetch<K> {
  return { name, input };
}

/**
 * Wraps the bridge so identical reads in flight share one answer (a page
 * opening while the same read is on its way). Never across a change: any
 * other call (sent or answered) and any event from the core starts a new
 * generation, and a read joins only a call of its own generation. So a read
 * asked after a change the app knows of gets an answer asked after it too;
 * for changes it cannot know of, a reload asks `freshly`.
 */
export function withSharedReads(
  api: CratekeeperApi,
  options: {
    readonly shareable?: ReadonlySet<CallName>;
    /**
     * Reads sent at once, while the window's code still renders its first
     * screen: the first identical read gets that answer, even once it has
     * arrived, unless something changed since (then it asks again).
     */
    readonly prefetch?: readonly Prefetch[];
  } = {},
): CratekeeperApi {
  const shareable = options.shareable ?? SHAREABLE_READS;
  let generation = 0;
  const changed = () => {
    generation += 1;
  };
  for (const name of EVENT_NAMES) api.subscribe[name](changed);

  type Shared = { readonly generation: number; readonly answer: Promise<unknown> };
  const inFlight = new Map<string, Shared>();
  // Prefetched answers not yet taken: each serves its first asker only.
  const prefetched = new Map<string, Shared>();
  // Inputs cross the bridge as JSON, so their JSON is a faithful identity.
  const keyOf = (name: CallName, input: unknown) => `${name}\n${JSON.stringify(input)}`;
  const share =
    (name: CallName, call: Invoke): Invoke =>
    (input) => {
      const key = keyOf(name, input);
      const early = prefetched.get(key);
      if (early) {
        prefetched.delete(key);
        if (early.generation === generation && !askingFresh) return early.answer;
      }
      const joined = inFlight.get(key);
      if (joined?.generation === generation && !askingFresh) return joined.answer;
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
  for (const { name, input } of options.prefetch ?? []) {
    const read = invoke[name];
    if (!read || !shareable.has(name)) continue;
    const answer = read(input);
    // Nobody may ever take it (a change came first): its failure is not an unhandled one.
    answer.catch(() => undefined);
    prefetched.set(keyOf(name, input), { generation, answer });
  }
  // The cast is where the name table meets the mapped type: every entry wraps the same call.
  return { invoke: invoke as unknown as CratekeeperApi['invoke'], subscribe: api.subscribe };
}
