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
import type { Fetch } from './ports';
import { DEFAULT_READ_RETRY, retryRead, type ReadRetryPolicy } from './read-retry';
import { RegistryUnavailableError, registryErrorFrom } from './registry-errors';

const getTokenResponseSchema = z.object({ api_token: apiTokenWireSchema });

/** A created token: its facts and its plaintext, which the registry shows this once. */
export type CreatedToken = CreateTokenResponse['api_token'];

/**
 * Talks to one crates.io-compatible registry as one signed-in user. Calls go
 * with the `cargo_session` cookie and without an Origin header (crates.io
 * refuses foreign origins on authenticated endpoints; NOTES.md).
 *
 * Reads (GET) are retried with backoff on network errors, 429 and 5xx,
 * honouring Retry-After; nothing else is ever retried: a creation is not
 * idempotent, and a revocation is confirmed by the caller.
 */
export class RegistryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly sessionCookie: string,
    private readonly fetch: Fetch,
    private readonly readRetry: ReadRetryPolicy = DEFAULT_READ_RETRY,
  ) {}

  /** `GET /api/v1/me`: the signed-in user and the crates they own. */
  async me(): Promise<MeResponse> {
    return this.getJson('/api/v1/me', meResponseSchema);
  }

  /** `GET /api/v1/me/tokens`, newest first; expired ones only within `expiredDays`. */
  async listTokens(expiredDays?: number): Promise<ApiTokenWire[]> {
    const query = expiredDays === undefined ? '' : `?expired_days=${expiredDays}`;
    const body = await this.getJson(`/api/v1/me/tokens${query}`, listTokensResponseSchema);
    return body.api_tokens;
  }

  /** `GET /api/v1/me/tokens/{id}`: one of the user's tokens, expired ones included (404 once revoked). */
  async getToken(id: number): Promise<ApiTokenWire> {
    const body = await this.getJson(`/api/v1/me/tokens/${id}`, getTokenResponseSchema);
    return body.api_token;
  }

  /**
   * `PUT /api/v1/me/tokens`, sent exactly once. An error status comes back as
   * RegistryError with the server's text; an answer that cannot be read as a
   * created token as RegistryUnavailableError. Neither message nor cause ever
   * carries the answer's text: it may hold the new secret.
   */
  async createToken(body: CreateTokenBody): Promise<CreatedToken> {
    const response = await this.send('/api/v1/me/tokens', 'PUT', body);
    if (!response.ok) throw await registryErrorFrom(response);
    const host = new URL(this.baseUrl).host;
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch {
      // No cause attached: JSON.parse's message quotes the text it choked on.
      throw new RegistryUnavailableError(`The answer from ${host} was cut off or garbled.`);
    }
    const parsed = createTokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new RegistryUnavailableError(`${host} answered the creation in an unexpected shape.`);
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
    const response = await this.send(`/api/v1/me/tokens/${id}`, 'DELETE');
    if (!response.ok) throw await registryErrorFrom(response);
    await response.body?.cancel();
  }

  /** `DELETE /api/private/session`: ends the session on the registry. */
  async signOut(): Promise<void> {
    const response = await this.send('/api/private/session', 'DELETE');
    if (!response.ok) throw await registryErrorFrom(response);
  }

  private async send(path: string, method: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Cookie: `cargo_session=${this.sessionCookie}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.fetch(new URL(path, this.baseUrl).toString(), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
      });
    } catch (cause) {
      throw new RegistryUnavailableError(`Could not reach ${new URL(this.baseUrl).host}.`, {
        cause,
      });
    }
  }

  private async getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await retryRead(this.readRetry, () => this.send(path, 'GET'));
    if (!response.ok) throw await registryErrorFrom(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      throw new RegistryUnavailableError(
        `${new URL(this.baseUrl).host} answered with something that is not JSON.`,
        { cause },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new RegistryUnavailableError(
        `${new URL(this.baseUrl).host} answered in an unexpected shape.`,
      );
    }
    return parsed.data;
  }
}
