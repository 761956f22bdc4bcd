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

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The login the consent page preselects (its `checked` radio button), which
 * is what a person who just presses Authorize approves with; undefined when
 * the page has none.
 */
export function preselectedLogin(consentHtml: string): string | undefined {
  for (const [input] of consentHtml.matchAll(/<input\b[^>]*>/g)) {
    if (!/\bname="login"/.test(input) || !/\schecked\b/.test(input)) continue;
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
    return value?.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
  }
  return undefined;
}

/** A sign-in between `session/begin` and GitHub's consent: the pre-sign-in cookie and where GitHub asks. */
export interface BegunSignIn {
  readonly baseUrl: string;
  /** The `cargo_session` cookie VALUE that holds the OAuth state. */
  readonly cookie: string;
  /** The simulated GitHub's consent page, with client_id, state and scope. */
  readonly consentUrl: URL;
}

/** `POST /api/private/session/begin`, as the website's "Log in with GitHub" button does. */
export async function beginSignIn(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BegunSignIn> {
  const begin = await fetchImpl(new URL('/api/private/session/begin', baseUrl), { method: 'POST' });
  if (!begin.ok) throw await failure('begin', begin);
  const cookie = sessionCookieFrom(begin);
  const { url } = (await begin.json()) as { url: string };
  if (cookie === undefined) throw new Error('Simulator sign-in failed: begin set no cookie');
  return { baseUrl, cookie, consentUrl: new URL(url) };
}

/**
 * After GitHub approved (`consent` is its redirect back): the website's
 * /github-login page posts code and state to `session/authorize`. Returns the
 * signed-in cargo_session cookie VALUE.
 */
export async function finishSignIn(
  begun: BegunSignIn,
  consent: Response,
  fetchImpl: typeof fetch = fetch,
  who = 'the GitHub user',
): Promise<string> {
  const location = consent.headers.get('Location');
  if (consent.status !== 302 || location === null) throw await failure('GitHub consent', consent);
  const { baseUrl, cookie } = begun;
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
    throw new Error(`Simulator sign-in failed: ${who} has no crates.io account (${result.status})`);
  }
  return sessionCookieFrom(authorize) ?? cookie;
}

/**
 * Drives the simulated GitHub OAuth flow over HTTP exactly as a browser would
 * (begin -> consent page -> /github-login redirect -> authorize) and returns
 * the signed-in cargo_session cookie VALUE. With `login` it approves as that
 * GitHub user; without, it presses Authorize with the page's preselection
 * (the seed's first user).
 */
export async function signInOverHttp(
  baseUrl: string,
  login?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const begun = await beginSignIn(baseUrl, fetchImpl);
  const consentUrl = new URL(begun.consentUrl);
  let approving = login;
  if (approving === undefined) {
    const page = await fetchImpl(consentUrl, { redirect: 'manual' });
    if (page.status !== 200) throw await failure('GitHub consent', page);
    approving = preselectedLogin(await page.text());
    if (approving === undefined) {
      throw new Error('Simulator sign-in failed: the consent page preselects nobody');
    }
  }
  consentUrl.searchParams.set('login', approving);
  const consent = await fetchImpl(consentUrl, { redirect: 'manual' });
  return finishSignIn(begun, consent, fetchImpl, approving);
}
