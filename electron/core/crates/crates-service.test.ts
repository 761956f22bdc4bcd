import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import { dispatchCall } from '../dispatch';
import { fakeFetch, meBody, type FakeRoute } from '../test-support/fake-registry';
import { signedInCore } from '../test-support/signed-in-core';

/*
 * What the simulator does not answer: a session refused in the middle of a
 * change, 401/403s that are not about the session, a registry failing or
 * unreachable during a change, and crate names that are none.
 */

const ACCOUNT = 'one.test#1';
const GITHUB = 'one.test /api/v1/trusted_publishing/github_configs';

async function signedIn(routes: Record<string, FakeRoute>) {
  const { fetch, requests } = fakeFetch({
    'one.test /api/v1/me': { body: meBody(1, 'kate', ['quill']) },
    ...routes,
  });
  const core = await signedInCore(fetch);
  const addGithub = () =>
    dispatchCall(core.handlers, 'crates:add-github-config', {
      accountId: ACCOUNT,
      crate: 'quill',
      repositoryOwner: 'ferris',
      repositoryName: 'quill',
      workflowFilename: 'publish.yml',
      environment: null,
    });
  const status = async () => {
    const accounts = await dispatchCall(core.handlers, 'accounts:list', {});
    return accounts.ok ? (accounts.value as Account[]).map((account) => account.status) : [];
  };
  return { core, requests, addGithub, status };
}

const refused = (status: number, detail: string): FakeRoute => ({
  status,
  body: { errors: [{ detail }] },
});

describe('CratesService changes', () => {
  it('signs the account out when the registry refuses its session', async () => {
    const { addGithub, status } = await signedIn({
      [GITHUB]: refused(403, 'this action requires authentication'),
    });
    await expect(addGithub()).resolves.toEqual({
      ok: false,
      error: { code: 'signed-out', message: 'kate on one is signed out: sign in again.' },
    });
    expect(await status()).toEqual(['signed-out']);
  });

  it('keeps the session for 401s and 403s that are about something else, in the registry’s words', async () => {
    const expired =
      'It looks like your GitHub session has expired or the token was revoked. Please try logging out and logging back in to re-authenticate.';
    for (const [code, detail] of [
      [401, expired],
      [403, 'You must verify your email address to create a Trusted Publishing config'],
    ] as const) {
      const { addGithub, status } = await signedIn({ [GITHUB]: refused(code, detail) });
      await expect(addGithub()).resolves.toEqual({
        ok: false,
        error: { code: 'registry-error', message: detail },
      });
      expect(await status()).toEqual(['signed-in']);
    }
  });

  it('says when to retry a failing registry, and that a lost change may or may not have been made', async () => {
    const failing = await signedIn({
      [GITHUB]: { ...refused(503, 'Service Unavailable'), headers: { 'Retry-After': '120' } },
    });
    await expect(failing.addGithub()).resolves.toEqual({
      ok: false,
      error: {
        code: 'registry-error',
        message: 'one.test answered: Service Unavailable (HTTP 503). Try again in 2 minutes.',
      },
    });
    const garbled = await signedIn({ [GITHUB]: { body: '{"github_config": {"id":' } });
    await expect(garbled.addGithub()).resolves.toEqual({
      ok: false,
      error: {
        code: 'network',
        message:
          'one.test answered the change in an unexpected shape. The change may not have reached the registry: refresh to see whether it did.',
      },
    });
  });

  it('refuses a crate name that is none before sending anything', async () => {
    const { core, requests } = await signedIn({});
    const sentBefore = requests.length;
    for (const crate of ['..', 'quill/../../me', '*']) {
      const answer = await dispatchCall(core.handlers, 'crates:set-trustpub-only', {
        accountId: ACCOUNT,
        crate,
        trustpubOnly: false,
      });
      expect(answer).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: `“${crate}” is not a crate name.` },
      });
    }
    expect(requests.length).toBe(sentBefore);
  });

  it('does not switch on when the registry will not list the configurations', async () => {
    const { core, requests } = await signedIn({});
    const answer = await dispatchCall(core.handlers, 'crates:set-trustpub-only', {
      accountId: ACCOUNT,
      crate: 'quill',
      trustpubOnly: true,
    });
    expect(answer).toEqual({ ok: false, error: { code: 'registry-error', message: 'Not Found' } });
    expect(requests.some((request) => request.url.endsWith('/api/v1/crates/quill'))).toBe(false);
  });
});

describe('crates:overview with a refused session', () => {
  it('reports the account signed out and signs it out, as the token list does', async () => {
    let sessionValid = true;
    const { fetch } = fakeFetch({
      'one.test /api/v1/me': () =>
        sessionValid
          ? { body: meBody(1, 'kate', ['quill']) }
          : refused(403, 'this action requires authentication'),
    });
    const core = await signedInCore(fetch);
    sessionValid = false;
    const answer = await dispatchCall(core.handlers, 'crates:overview', {});
    expect(answer).toMatchObject({
      ok: true,
      value: {
        crates: [],
        failures: [
          {
            accountId: ACCOUNT,
            kind: 'signed-out',
            message: 'kate on one is signed out: sign in again.',
            lastKnownAt: null,
          },
        ],
      },
    });
    const accounts = await dispatchCall(core.handlers, 'accounts:list', {});
    expect(accounts).toMatchObject({ ok: true, value: [{ status: 'signed-out' }] });
  });
});
