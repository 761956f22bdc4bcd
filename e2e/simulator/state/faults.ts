import { z } from 'zod';
import { SeededRandom } from './random';

export const FAULT_KINDS = [
  'http-500',
  'http-503',
  'http-429',
  'reset',
  'truncated-json',
  'slow-body',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a test (or the control endpoint) asks for; snake_case like the rest of the wire. */
export const faultSpecSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  /** Path glob, `*` matching anything (e.g. `/api/v1/me/tokens*`); absent = every route. */
  route: z.string().min(1).optional(),
  /** HTTP method to match; absent = any. */
  method: z.string().min(1).optional(),
  /** Chance that a matching request is hit, 0..1; default 1. */
  rate: z.number().min(0).max(1).optional(),
  /** How many requests to hit before the fault retires itself; absent = unlimited. */
  times: z.number().int().positive().optional(),
  /** `http-429`: seconds for `Retry-After` (default 30). */
  retry_after_seconds: z.number().int().nonnegative().optional(),
  /** `slow-body`: how long the body takes to arrive (default 2000 ms). */
  delay_ms: z.number().int().nonnegative().optional(),
  /** Error detail for the `http-*` kinds. */
  message: z.string().optional(),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface Fault extends FaultSpec {
  readonly id: number;
  /** How many requests this fault has hit so far. */
  hits: number;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${escaped}$`);
}

/** The faults in force; the first matching one that "rolls" hits a request. */
export class FaultBook {
  private faults: Fault[] = [];
  private nextId = 1;
  private random = new SeededRandom(1);

  list(): readonly Fault[] {
    return this.faults;
  }

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: this.nextId, hits: 0 };
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
    this.random = new SeededRandom(1);
  }

  /** The fault to inject for this request, if any; counts the hit. */
  take(method: string, path: string): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) {
        continue;
      }
      if (fault.route !== undefined && !globToRegExp(fault.route).test(path)) continue;
      if (fault.times !== undefined && fault.hits >= fault.times) continue;
      if (this.random.next() >= (fault.rate ?? 1)) continue;
      fault.hits += 1;
      return fault;
    }
    return undefined;
  }
}
