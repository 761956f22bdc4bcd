import type { Fetch } from '../ports';

const TIMEOUT_MS = 10_000;

/**
 * Whether the registry has the crate already (publish-new or publish-update).
 * Asks the public owners list, `GET /api/v1/crates/{name}/owners`: crates.io
 * answers 404 for a crate that does not exist, needs no token, and its
 * answer is small (the crate's own endpoint carries every version). Any
 * other answer throws: guessing would hand out the wrong token.
 */
export async function crateExists(fetch: Fetch, baseUrl: string, crate: string): Promise<boolean> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/crates/${encodeURIComponent(crate)}/owners`;
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  // Only the status matters; the body is let go.
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return true;
  if (response.status === 404) return false;
  throw new Error(`it answered HTTP ${response.status}`);
}
