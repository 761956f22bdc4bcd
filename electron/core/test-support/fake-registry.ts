import type { Fetch } from '../ports';

export interface FakeRoute {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export interface RecordedRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
}

/**
 * A fetch that answers from a table keyed by "host path?query", recording what
 * was sent so tests can check headers (cookie, no Origin).
 */
export function fakeFetch(
  routes: Record<string, FakeRoute | (() => FakeRoute | Promise<FakeRoute>)>,
): {
  fetch: Fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch: Fetch = async (input, init) => {
    const url = new URL(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    requests.push({ url: url.toString(), headers });
    const entry = routes[`${url.host} ${url.pathname}${url.search}`];
    if (entry === undefined) {
      return new Response(JSON.stringify({ errors: [{ detail: 'Not Found' }] }), { status: 404 });
    }
    const route = typeof entry === 'function' ? await entry() : entry;
    const text = typeof route.body === 'string' ? route.body : JSON.stringify(route.body);
    return new Response(text, { status: route.status ?? 200, headers: route.headers ?? {} });
  };
  return { fetch, requests };
}

export function meBody(id: number, login: string, crates: string[] = []): unknown {
  return {
    user: {
      id,
      login,
      name: null,
      avatar: null,
      email_verified: true,
      email_verification_sent: true,
      is_admin: false,
      publish_notifications: true,
    },
    owned_crates: crates.map((name, index) => ({ id: index + 1, name, email_notifications: true })),
  };
}

/** One token as crates.io's list endpoint answers it; `extra` adds or replaces fields. */
export function apiTokenJson(
  id: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    name: `token ${String(id)}`,
    created_at: '2026-01-01T00:00:00Z',
    last_used_at: null,
    expired_at: null,
    endpoint_scopes: ['publish-update'],
    crate_scopes: null,
    ...extra,
  };
}
