const SESSION_COOKIE = 'cargo_session';

function sessionCookieFrom(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === SESSION_COOKIE) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

async function failure(step: string, response: Response): Promise<Error> {
  const text = await response.text().catch(() => '');
  return new Error(`Simulator sign-in failed at ${step}: HTTP ${response.status} ${text}`.trim());
}

/**
 * Drives the simulated GitHub OAuth flow over HTTP exactly as a browser would
 * (begin -> consent page -> /github-login redirect -> authorize) and returns
 * the signed-in cargo_session cookie VALUE.
 */
export async function signInOverHttp(
  baseUrl: string,
  login?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const begin = await fetchImpl(new URL('/api/private/session/begin', baseUrl), { method: 'POST' });
  if (!begin.ok) throw await failure('begin', begin);
  let cookie = sessionCookieFrom(begin);
  const { url } = (await begin.json()) as { url: string };
  if (cookie === undefined) throw new Error('Simulator sign-in failed: begin set no cookie');

  const consentUrl = new URL(url);
  if (login !== undefined) consentUrl.searchParams.set('login', login);
  const consent = await fetchImpl(consentUrl, { redirect: 'manual' });
  const location = consent.headers.get('Location');
  if (consent.status !== 302 || location === null) throw await failure('GitHub consent', consent);

  // The browser lands on the website's /github-login page, which posts code and state back.
  const callback = new URL(location, baseUrl);
  const page = await fetchImpl(callback, { headers: { Cookie: `${SESSION_COOKIE}=${cookie}` } });
  await page.text();
  const authorize = await fetchImpl(new URL('/api/private/session/authorize', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${cookie}` },
    body: JSON.stringify({
      code: callback.searchParams.get('code') ?? '',
      state: callback.searchParams.get('state') ?? '',
    }),
  });
  if (!authorize.ok) throw await failure('authorize', authorize);
  const result = (await authorize.json()) as { status: string };
  if (result.status !== 'signed_in') {
    throw new Error(
      `Simulator sign-in failed: ${login ?? 'the default user'} has no crates.io account (${result.status})`,
    );
  }
  cookie = sessionCookieFrom(authorize) ?? cookie;
  return cookie;
}
