import { describe, expect, it } from 'vitest';
import type { Fetch } from './ports';
import { RegistryClient } from './registry-client';
import { RegistryError, RegistryUnavailableError } from './registry-errors';
import { fakeFetch, meBody } from './test-support/fake-registry';
import { instantRetry } from './test-support/instant-retry';

const BASE = 'https://registry.test';

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** A fetch that answers from a list, one per request, and records method and body too. */
function sequence(answers: (() => Response)[]): { fetch: Fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: Fetch = (input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: input,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : null,
    });
    const answer = answers[sent.length - 1];
    return answer ? Promise.resolve(answer()) : Promise.reject(new TypeError('fetch failed'));
  };
  return { fetch, sent };
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers });

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

  it('reports an unreachable registry by host, after retrying the read', async () => {
    let tries = 0;
    const slept: number[] = [];
    const client = new RegistryClient(
      BASE,
      's',
      () => {
        tries += 1;
        return Promise.reject(new TypeError('fetch failed'));
      },
      instantRetry(slept),
    );
    await expect(client.me()).rejects.toThrow('Could not reach registry.test.');
    expect(tries).toBe(4);
    expect(slept).toEqual([100, 200, 400]);
  });

  it('retries a read refused with 429 after the Retry-After it gives', async () => {
    const slept: number[] = [];
    const { fetch, sent } = sequence([
      json({ errors: [{ detail: 'slow down' }] }, 429, { 'Retry-After': '3' }),
      json({ errors: [{ detail: 'Internal Server Error' }] }, 500),
      json({ api_tokens: [] }),
    ]);
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(slept));
    await expect(client.listTokens()).resolves.toEqual([]);
    expect(sent).toHaveLength(3);
    expect(slept).toEqual([3000, 200]);
  });

  it('creates with one PUT of exactly the body, JSON, with the cookie and no Origin', async () => {
    const created = {
      id: 9,
      name: 'ci',
      created_at: '2026-01-01T00:00:00Z',
      last_used_at: null,
      expired_at: null,
      endpoint_scopes: ['yank'],
      crate_scopes: null,
      token: `cio${'A'.repeat(32)}`,
    };
    const { fetch, sent } = sequence([json({ api_token: created })]);
    const body = {
      api_token: {
        name: 'ci',
        endpoint_scopes: ['yank' as const],
        crate_scopes: null,
        expired_at: null,
      },
    };
    await expect(new RegistryClient(BASE, 'sess', fetch).createToken(body)).resolves.toEqual(
      created,
    );
    expect(sent).toEqual([
      {
        method: 'PUT',
        url: `${BASE}/api/v1/me/tokens`,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          cookie: 'cargo_session=sess',
        },
        body: JSON.stringify(body),
      },
    ]);
  });

  it('never retries a creation, whatever goes wrong', async () => {
    const body = {
      api_token: {
        name: 'ci',
        endpoint_scopes: ['yank' as const],
        crate_scopes: null,
        expired_at: null,
      },
    };
    for (const answer of [
      json({ errors: [{ detail: 'Internal Server Error' }] }, 500),
      json({ errors: [{ detail: 'busy' }] }, 429, { 'Retry-After': '1' }),
      () => new Response('{"api_token":{"id":9,"token":"cio', { status: 200 }),
    ]) {
      const slept: number[] = [];
      const { fetch, sent } = sequence([answer, json({})]);
      const client = new RegistryClient(BASE, 's', fetch, instantRetry(slept));
      const error = await client.createToken(body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).not.toContain('cio');
      expect(sent).toHaveLength(1);
      expect(slept).toEqual([]);
    }
    const { fetch, sent } = sequence([]);
    await expect(
      new RegistryClient(BASE, 's', fetch, instantRetry()).createToken(body),
    ).rejects.toBeInstanceOf(RegistryUnavailableError);
    expect(sent).toHaveLength(1);
  });

  it('revokes with DELETE and the cookie, once', async () => {
    const { fetch, sent } = sequence([json({})]);
    await new RegistryClient(BASE, 'sess', fetch).revokeToken(12);
    expect(sent).toMatchObject([
      { method: 'DELETE', url: `${BASE}/api/v1/me/tokens/12`, body: null },
    ]);
    expect(sent[0]?.headers['cookie']).toBe('cargo_session=sess');
    const failing = sequence([json({ errors: [{ detail: 'Internal Server Error' }] }, 500)]);
    await expect(
      new RegistryClient(BASE, 's', failing.fetch, instantRetry()).revokeToken(12),
    ).rejects.toMatchObject({ status: 500 });
    expect(failing.sent).toHaveLength(1);
  });

  it('reads one token by id', async () => {
    const { fetch, sent } = sequence([
      json({
        api_token: {
          id: 4,
          name: 'old',
          created_at: '2026-01-01T00:00:00Z',
          endpoint_scopes: ['publish-update'],
          crate_scopes: ['serde*'],
          expired_at: '2026-02-01T00:00:00Z',
        },
      }),
    ]);
    await expect(new RegistryClient(BASE, 's', fetch).getToken(4)).resolves.toMatchObject({
      id: 4,
      crate_scopes: ['serde*'],
    });
    expect(sent[0]?.url).toBe(`${BASE}/api/v1/me/tokens/4`);
  });
});
