import type { z } from 'zod';
import {
  listTokensResponseSchema,
  meResponseSchema,
  type ApiTokenWire,
  type MeResponse,
} from '../../shared/domain/api-token';
import type { Fetch } from './ports';
import { RegistryUnavailableError, registryErrorFrom } from './registry-errors';

/**
 * Talks to one crates.io-compatible registry as one signed-in user. Calls go
 * with the `cargo_session` cookie and without an Origin header (crates.io
 * refuses foreign origins on authenticated endpoints; NOTES.md).
 */
export class RegistryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly sessionCookie: string,
    private readonly fetch: Fetch,
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

  /** `DELETE /api/private/session`: ends the session on the registry. */
  async signOut(): Promise<void> {
    const response = await this.send('/api/private/session', 'DELETE');
    if (!response.ok) throw await registryErrorFrom(response);
  }

  private async send(path: string, method: string): Promise<Response> {
    try {
      return await this.fetch(new URL(path, this.baseUrl).toString(), {
        method,
        headers: { Accept: 'application/json', Cookie: `cargo_session=${this.sessionCookie}` },
        redirect: 'error',
      });
    } catch (cause) {
      throw new RegistryUnavailableError(`Could not reach ${new URL(this.baseUrl).host}.`, {
        cause,
      });
    }
  }

  private async getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await this.send(path, 'GET');
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
