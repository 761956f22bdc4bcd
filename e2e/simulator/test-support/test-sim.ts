import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../server';
import { signInOverHttp } from '../sign-in-client';
import { loadOpenApiContract } from './openapi';

export interface CallOptions {
  /** `cargo_session` cookie value. */
  readonly cookie?: string;
  /** Sent raw in `Authorization`, as cargo does. */
  readonly token?: string;
  readonly origin?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
  /**
   * Why this answer is not checked against openapi.json: one crates.io really
   * sends but its document does not describe (e.g. a cargo endpoint's refusal
   * with status 200, NOTES.md).
   */
  readonly uncheckedBecause?: string;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body; undefined when empty or not JSON. */
  readonly json: unknown;
}

/** `METHOD template statusClass` of every answer checked against the OpenAPI document. */
export const contractChecked = new Set<string>();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function buildHeaders(options: CallOptions): Headers {
  const headers = new Headers(options.headers);
  if (options.cookie !== undefined) headers.set('Cookie', `cargo_session=${options.cookie}`);
  if (options.token !== undefined) headers.set('Authorization', options.token);
  if (options.origin !== undefined) headers.set('Origin', options.origin);
  if (options.json !== undefined) headers.set('Content-Type', 'application/json');
  return headers;
}

/**
 * A simulator for one test, with a client that checks every answer to a
 * documented route against crates.io's OpenAPI document (when present).
 */
export class TestSim {
  private constructor(readonly sim: RunningSimulator) {}

  static async start(options: SimulatorOptions = {}): Promise<TestSim> {
    return new TestSim(await startSimulator({ port: 0, seed: 'minimal', ...options }));
  }

  get state(): RunningSimulator['state'] {
    return this.sim.state;
  }

  signIn(login?: string): Promise<string> {
    return signInOverHttp(this.sim.url, login);
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const body = options.json === undefined ? options.body : JSON.stringify(options.json);
    const response = await fetch(`${this.sim.url}${path}`, {
      method,
      headers: buildHeaders(options),
      ...(body === undefined ? {} : { body }),
      redirect: 'manual',
    });
    const text = await response.text();
    if (options.uncheckedBecause === undefined) {
      this.checkContract(method, path, response.status, text);
    }
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  private checkContract(method: string, path: string, status: number, text: string): void {
    const contract = loadOpenApiContract();
    const template = contract?.templateFor(method, new URL(path, this.sim.url).pathname);
    if (!contract || template === undefined) return;
    const problems = contract.check(method, template, status, text);
    if (problems.length > 0) {
      throw new Error(
        `${method} ${path} -> ${status} breaks openapi.json (${template}):\n${problems.join('\n')}\n${text}`,
      );
    }
    contractChecked.add(`${method} ${template} ${String(status).charAt(0)}XX`);
  }
}

/** The `detail` of crates.io's error envelope. */
export function detailOf(result: CallResult): string | undefined {
  const envelope = result.json as { errors?: { detail?: string }[] } | undefined;
  return envelope?.errors?.[0]?.detail;
}
