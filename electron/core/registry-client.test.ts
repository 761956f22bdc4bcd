import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from './ports';
import { RegistryClient } from './registry-client';
import { RegistryError, RegistryUnavailableError } from './registry-errors';
import { fakeFetch, meBody } from './test-support/fake-registry';
import { instantRetry } from './test-support/instant-retry';
import { KiB, MiB, testHttpLimits } from './test-support/test-http-limits';

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

/** Caps small enough that no test reads for long. */
const {
  roomy: SMALL_CAPS,
  quickHeaders: QUICK_HEADERS,
  quickBody: QUICK_BODY,
} = testHttpLimits({ maxListBytes: 1 * MiB, maxAnswerBytes: 64 * KiB }, 50);

interface StreamProbe {
  pulled: number;
  cancelled: boolean;
}

/**
 * A body that yields `chunk` bytes per pull up to `total` (a safety net: a
 * client without a cap fails the test instead of eating the machine's memory).
 */
function bigBody(probe: StreamProbe, total: number, chunk = 64 * KiB): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (probe.pulled >= total) {
        controller.close();
        return;
      }
      probe.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
    cancel() {
      probe.cancelled = true;
    },
  });
}

/** A body that sends `head` and then nothing, ever. */
function stalledBody(probe: StreamProbe, head: string): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
    },
    pull() {
      return new Promise<void>(() => undefined);
    },
    cancel() {
      probe.cancelled = true;
    },
  });
}

/** Every message and stack in an error's cause chain, to search for leaked text. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    parts.push(current.message, current.stack ?? '');
  }
  return parts.join('\n');
}

const CREATE_BODY = {
  api_token: {
    name: 'ci',
    endpoint_scopes: ['yank' as const],
    crate_scopes: null,
    expired_at: null,
  },
};

describe('RegistryClient: size limits and timeouts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits 15 s for an answer by default, and says so', async () => {
    vi.useFakeTimers();
    const fetch: Fetch = () => new Promise<Response>(() => undefined);
    const outcome = new RegistryClient('https://crates.io', 's', fetch, instantRetry())
      .listTokens()
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toMatchObject({
      message: 'crates.io did not answer within 15 s.',
    });
  });

  it('refuses a list whose declared length is over the cap, without reading it', async () => {
    const probe: StreamProbe = { pulled: 0, cancelled: false };
    const fetch: Fetch = () =>
      Promise.resolve(
        new Response(bigBody(probe, 4 * MiB), { headers: { 'content-length': String(4 * MiB) } }),
      );
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(), SMALL_CAPS);
    const error = await client.listTokens().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnavailableError);
    expect(error).toMatchObject({
      message: "registry.test's answer was larger than 1 MiB; it was not read.",
    });
    expect(probe.cancelled).toBe(true);
    // At most what the stream queued on its own before anyone read.
    expect(probe.pulled).toBeLessThanOrEqual(64 * KiB);
  });

  it('stops reading a list at the cap when no length was declared, and cancels the stream', async () => {
    const probe: StreamProbe = { pulled: 0, cancelled: false };
    const fetch: Fetch = () => Promise.resolve(new Response(bigBody(probe, 8 * MiB)));
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(), SMALL_CAPS);
    await expect(client.listTokens()).rejects.toThrow(
      "registry.test's answer was larger than 1 MiB; it was not read.",
    );
    expect(probe.cancelled).toBe(true);
    expect(probe.pulled).toBeLessThanOrEqual(1 * MiB + 2 * 64 * KiB);
  });

  it('holds other answers to the smaller cap', async () => {
    const probe: StreamProbe = { pulled: 0, cancelled: false };
    const fetch: Fetch = () => Promise.resolve(new Response(bigBody(probe, 8 * MiB)));
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(), SMALL_CAPS);
    await expect(client.getToken(4)).rejects.toThrow(
      "registry.test's answer was larger than 64 KiB; it was not read.",
    );
    expect(probe.pulled).toBeLessThanOrEqual(64 * KiB + 2 * 64 * KiB);
  });

  it('gives up on a registry that does not answer in time, aborting the request, without retrying', async () => {
    let tries = 0;
    const signals: AbortSignal[] = [];
    const fetch: Fetch = (_input, init) => {
      tries += 1;
      if (init?.signal) signals.push(init.signal);
      // Answers nothing and even ignores the abort: the client must not wait regardless.
      return new Promise<Response>(() => undefined);
    };
    const slept: number[] = [];
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(slept), QUICK_HEADERS);
    const error = await client.listTokens().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnavailableError);
    expect(error).toMatchObject({ message: 'registry.test did not answer within 50 ms.' });
    expect(tries).toBe(1);
    expect(slept).toEqual([]);
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
  });

  it('gives up on an answer whose body stalls after the headers', async () => {
    const probe: StreamProbe = { pulled: 0, cancelled: false };
    const fetch: Fetch = () => Promise.resolve(new Response(stalledBody(probe, '{"api_tokens":[')));
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(), QUICK_BODY);
    await expect(client.listTokens()).rejects.toThrow(
      'registry.test did not finish its answer within 50 ms.',
    );
    expect(probe.cancelled).toBe(true);
  });

  it('keeps the status of an error answer whose body stalls', async () => {
    const probe: StreamProbe = { pulled: 0, cancelled: false };
    const fetch: Fetch = () =>
      Promise.resolve(
        new Response(stalledBody(probe, '{"errors":'), { status: 403, statusText: 'Forbidden' }),
      );
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(), QUICK_BODY);
    const error = await client.listTokens().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: 403, detail: 'Forbidden', isAuthFailure: true });
  });

  it('sends a creation that times out exactly once', async () => {
    const { fetch: answered, sent } = sequence([]);
    const fetch: Fetch = (input, init) => {
      void answered(input, init).catch(() => undefined);
      return new Promise<Response>(() => undefined);
    };
    const slept: number[] = [];
    const client = new RegistryClient(BASE, 's', fetch, instantRetry(slept), QUICK_HEADERS);
    await expect(client.createToken(CREATE_BODY)).rejects.toThrow(
      'registry.test did not answer within 50 ms.',
    );
    expect(sent.map((request) => request.method)).toEqual(['PUT']);
    expect(slept).toEqual([]);
  });

  it('never puts the answer text into an error or its cause', async () => {
    const secret = `cio${'S3cret'.repeat(5)}ab`;
    // JSON.parse quotes the first characters of what it could not read.
    const garbled = `${secret} and then some`;
    for (const call of [
      (client: RegistryClient) => client.listTokens(),
      (client: RegistryClient) => client.me(),
      (client: RegistryClient) => client.createToken(CREATE_BODY),
    ]) {
      const fetch: Fetch = () => Promise.resolve(new Response(garbled));
      const error = await call(
        new RegistryClient(BASE, 's', fetch, instantRetry(), SMALL_CAPS),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryUnavailableError);
      expect(errorText(error)).not.toContain(secret.slice(0, 8));
    }
  });
});
