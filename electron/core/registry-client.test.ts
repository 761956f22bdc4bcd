import { describe, expect, it } from 'vitest';
import { RegistryClient } from './registry-client';
import { RegistryError, RegistryUnavailableError } from './registry-errors';
import { fakeFetch, meBody } from './test-support/fake-registry';

const BASE = 'https://registry.test';

describe('RegistryClient', () => {
  it('reads /me with the session cookie and no Origin header', async () => {
    const { fetch, requests } = fakeFetch({
      'registry.test /api/v1/me': { body: meBody(7, 'kate', ['serde']) },
    });
    const me = await new RegistryClient(BASE, 'sess-1', fetch).me();
    expect(me.user.login).toBe('kate');
    expect(me.owned_crates.map((c) => c.name)).toEqual(['serde']);
    expect(requests[0]?.headers['cookie']).toBe('cargo_session=sess-1');
    expect(requests[0]?.headers['origin']).toBeUndefined();
  });

  it('passes expired_days through to /me/tokens', async () => {
    const { fetch, requests } = fakeFetch({
      'registry.test /api/v1/me/tokens?expired_days=30': { body: { api_tokens: [] } },
    });
    await expect(new RegistryClient(BASE, 's', fetch).listTokens(30)).resolves.toEqual([]);
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/me/tokens?expired_days=30`);
  });

  it("surfaces the server's error text and status", async () => {
    const { fetch } = fakeFetch({
      'registry.test /api/v1/me/tokens': {
        status: 403,
        body: { errors: [{ detail: 'this action requires authentication' }] },
      },
    });
    const error = await new RegistryClient(BASE, 's', fetch).listTokens().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      status: 403,
      detail: 'this action requires authentication',
      isAuthFailure: true,
    });
  });

  it('refuses malformed answers with a clear message instead of passing them on', async () => {
    const { fetch } = fakeFetch({
      'registry.test /api/v1/me/tokens': { body: { api_tokens: [{ id: 'seven' }] } },
      'registry.test /api/v1/me': { body: '{"user": {"id": 1,' },
    });
    const client = new RegistryClient(BASE, 's', fetch);
    await expect(client.listTokens()).rejects.toThrow(/unexpected shape/);
    await expect(client.me()).rejects.toBeInstanceOf(RegistryUnavailableError);
  });

  it('reports an unreachable registry by host', async () => {
    const client = new RegistryClient(BASE, 's', () =>
      Promise.reject(new TypeError('fetch failed')),
    );
    await expect(client.me()).rejects.toThrow('Could not reach registry.test.');
  });
});
