import { z } from 'zod';
import {
  apiTokenWireSchema,
  listTokensResponseSchema,
  meResponseSchema,
  type ApiTokenWire,
  type MeResponse,
} from '../../shared/domain/api-token';
import {
  createTokenResponseSchema,
  type CreateTokenBody,
  type CreateTokenResponse,
} from '../../shared/domain/create-token';
import { DEFAULT_HTTP_LIMITS, type RegistryHttpLimits } from './http/http-limits';
import { exchange, type RegistryAnswer, type RegistryRequest } from './http/registry-exchange';
import type { Fetch } from './ports';
import { DEFAULT_READ_RETRY, retryRead, type ReadRetryPolicy } from './read-retry';
import {
  RegistryAnswerTooLargeError,
  RegistryTimeoutError,
  RegistryUnavailableError,
  registryErrorFrom,
} from './registry-errors';

const getTokenResponseSchema = z.object({ api_token: apiTokenWireSchema });

/** A created token: its facts and its plaintext, which the registry shows this once. */
export type CreatedToken = CreateTokenResponse['api_token'];

/**
 * JSON.parse without its error: V8's message quotes the start of the text it
 * could not read, and an answer may hold a secret.
 */
function parseJson(text: string): { readonly value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** Time limits and size caps are final (see retryRead); a lost connection is worth another try. */
function isRetryableReadError(error: unknown): boolean {
  return !(error instanceof RegistryTimeoutError || error instanceof RegistryAnswerTooLargeError);
}

/**
 * Talks to one crates.io-compatible registry as one signed-in user. Calls go
 * with the `cargo_session` cookie and without an Origin header (crates.io
 * refuses foreign origins on authenticated endpoints; NOTES.md), and never
 * follow a redirect. Every answer is read within `limits` (time and size).
 *
 * Reads (GET) are retried with backoff on lost connections, 429 and 5xx,
 * honouring Retry-After; nothing else is ever retried: a creation is not
 * idempotent, and a revocation is confirmed by the caller.
 */
export class RegistryClient {
  private readonly host: string;

  constructor(
    private readonly baseUrl: string,
    private readonly sessionCookie: string,
    private readonly fetch: Fetch,
    private readonly readRetry: ReadRetryPolicy = DEFAULT_READ_RETRY,
    private readonly limits: RegistryHttpLimits = DEFAULT_HTTP_LIMITS,
  ) {
    this.host = new URL(baseUrl).host;
  }

  /** `GET /api/v1/me`: the signed-in user and the crates they own (a list: the larger cap). */
  async me(): Promise<MeResponse> {
    return this.getJson('/api/v1/me', meResponseSchema, 'list');
  }

  /** `GET /api/v1/me/tokens`, newest first; expired ones only within `expiredDays`. */
  async listTokens(expiredDays?: number): Promise<ApiTokenWire[]> {
    const query = expiredDays === undefined ? '' : `?expired_days=${expiredDays}`;
    const body = await this.getJson(`/api/v1/me/tokens${query}`, listTokensResponseSchema, 'list');
    return body.api_tokens;
  }

  /** `GET /api/v1/me/tokens/{id}`: one of the user's tokens, expired ones included (404 once revoked). */
  async getToken(id: number): Promise<ApiTokenWire> {
    const body = await this.getJson(`/api/v1/me/tokens/${id}`, getTokenResponseSchema, 'answer');
    return body.api_token;
  }

  /**
   * `PUT /api/v1/me/tokens`, sent exactly once, whatever happens (a timeout
   * included: the token may exist by then). An error status comes back as
   * RegistryError with the server's text; an answer that cannot be read as a
   * created token as RegistryUnavailableError. Neither message nor cause ever
   * carries the answer's text: it may hold the new secret.
   */
  async createToken(body: CreateTokenBody): Promise<CreatedToken> {
    const answer = await this.send('/api/v1/me/tokens', 'PUT', {
      body: JSON.stringify(body),
      cap: 'answer',
    });
    if (!answer.ok) throw registryErrorFrom(answer);
    const json = parseJson(answer.text);
    if (json === null) {
      throw new RegistryUnavailableError(`The answer from ${this.host} was cut off or garbled.`);
    }
    const parsed = createTokenResponseSchema.safeParse(json.value);
    if (!parsed.success) {
      throw new RegistryUnavailableError(
        `${this.host} answered the creation in an unexpected shape.`,
      );
    }
    return parsed.data.api_token;
  }

  /**
   * `DELETE /api/v1/me/tokens/{id}` with the session cookie: a scoped token
   * cannot revoke anything, not even itself (NOTES.md). Resolves only once
   * the registry confirmed with a 2xx; crates.io also answers 200 for an id
   * that is already gone, which is the outcome asked for.
   */
  async revokeToken(id: number): Promise<void> {
    const answer = await this.send(`/api/v1/me/tokens/${id}`, 'DELETE', { readBody: false });
    if (!answer.ok) throw registryErrorFrom(answer);
  }

  /**
   * A read of another endpoint of this registry with this session, retried
   * like every read and checked against `schema`. `path` (with its query)
   * must stay on the registry's own origin: the cookie goes nowhere else.
   */
  async read<T>(path: string, schema: z.ZodType<T>, cap: RegistryRequest['cap']): Promise<T> {
    return this.getJson(this.ownPath(path), schema, cap);
  }

  /**
   * One change (POST, PATCH or PUT of a JSON body) sent exactly once; an
   * error status comes back as RegistryError with the server's text, the
   * answer is checked against `schema`.
   */
  async change<T>(
    path: string,
    method: 'POST' | 'PATCH' | 'PUT',
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const answer = await this.send(this.ownPath(path), method, { body: JSON.stringify(body) });
    if (!answer.ok) throw registryErrorFrom(answer);
    const json = parseJson(answer.text);
    const parsed = json === null ? null : schema.safeParse(json.value);
    if (!parsed?.success) {
      throw new RegistryUnavailableError(
        `${this.host} answered the change in an unexpected shape.`,
      );
    }
    return parsed.data;
  }

  /** A DELETE whose status is the whole answer (2xx), sent exactly once. */
  async delete(path: string): Promise<void> {
    const answer = await this.send(this.ownPath(path), 'DELETE', { readBody: false });
    if (!answer.ok) throw registryErrorFrom(answer);
  }

  /** `DELETE /api/private/session`: ends the session on the registry. */
  async signOut(): Promise<void> {
    const answer = await this.send('/api/private/session', 'DELETE', { readBody: false });
    if (!answer.ok) throw registryErrorFrom(answer);
  }

  /**
   * A path of this registry's API: absolute (`/api/...`), never `//host`, so
   * resolving it against the base URL cannot leave the registry's origin.
   */
  private ownPath(path: string): string {
    const origin = new URL(this.baseUrl).origin;
    if (!path.startsWith('/api/') || new URL(path, this.baseUrl).origin !== origin) {
      throw new RegistryUnavailableError(`Cratekeeper will not send ${this.host}'s session there.`);
    }
    return path;
  }

  private send(
    path: string,
    method: RegistryRequest['method'],
    options: { body?: string; cap?: RegistryRequest['cap']; readBody?: boolean } = {},
  ): Promise<RegistryAnswer> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Cookie: `cargo_session=${this.sessionCookie}`,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return exchange(
      this.fetch,
      {
        url: new URL(path, this.baseUrl).toString(),
        method,
        headers,
        ...(options.body === undefined ? {} : { body: options.body }),
        cap: options.cap ?? 'answer',
        readBody: options.readBody ?? true,
      },
      this.limits,
    );
  }

  private async getJson<T>(
    path: string,
    schema: z.ZodType<T>,
    cap: RegistryRequest['cap'],
  ): Promise<T> {
    const answer = await retryRead(
      this.readRetry,
      () => this.send(path, 'GET', { cap }),
      isRetryableReadError,
    );
    if (!answer.ok) throw registryErrorFrom(answer);
    const json = parseJson(answer.text);
    if (json === null) {
      throw new RegistryUnavailableError(`${this.host} answered with something that is not JSON.`);
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      throw new RegistryUnavailableError(`${this.host} answered in an unexpected shape.`);
    }
    return parsed.data;
  }
}
