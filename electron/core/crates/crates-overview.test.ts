import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../dispatch';
import { fakeFetch, meBody, type FakeRoute } from '../test-support/fake-registry';
import { signedInCore } from '../test-support/signed-in-core';

/*
 * The overview against small fakes, for what the simulator cannot be made to
 * do: a registry whose trusted-publishing endpoints fail or do not exist while
 * its crates can be read. The rest is tested against the simulator
 * (crates.simulator.test.ts).
 */

async function signedIn(routes: Record<string, FakeRoute>) {
  const { fetch } = fakeFetch(routes);
  const core = await signedInCore(fetch);
  return core;
}

const crateList: FakeRoute = {
  body: {
    crates: [
      { name: 'quill', description: 'A pen', repository: 'https://github.com/ferris/quill' },
    ],
    meta: { total: 1, next_page: null },
  },
};

describe('crates:overview when trusted publishing cannot be read', () => {
  it('lists the crates with trusted publishing unknown and says why', async () => {
    const core = await signedIn({
      'one.test /api/v1/me': { body: meBody(1, 'kate', ['quill']) },
      'one.test /api/v1/crates?user_id=1&per_page=100': crateList,
      'one.test /api/v1/trusted_publishing/github_configs?user_id=1&per_page=100': {
        status: 500,
        body: { errors: [{ detail: 'Internal Server Error' }] },
      },
      'one.test /api/v1/trusted_publishing/gitlab_configs?user_id=1&per_page=100': {
        body: { gitlab_configs: [], meta: { next_page: null } },
      },
    });
    const answer = await dispatchCall(core.handlers, 'crates:overview', {});
    expect(answer).toEqual({
      ok: true,
      value: {
        fetchedAt: '2026-06-01T00:00:00.000Z',
        failures: [],
        crates: [
          {
            key: 'one/quill',
            name: 'quill',
            registryName: 'one',
            description: 'A pen',
            repository: 'https://github.com/ferris/quill',
            ownerAccountIds: ['one.test#1'],
            trustedPublishing: null,
            trustedPublishingUnknown:
              'Trusted publishing could not be read from one.test. The registry answered: Internal Server Error (HTTP 500).',
          },
        ],
      },
    });
  });

  it('says so for a registry without trusted-publishing endpoints (404)', async () => {
    const withoutTp = await signedIn({
      'one.test /api/v1/me': { body: meBody(1, 'kate', ['quill']) },
      'one.test /api/v1/crates?user_id=1&per_page=100': crateList,
    });
    const answer = await dispatchCall(withoutTp.handlers, 'crates:overview', {});
    expect(answer).toMatchObject({
      ok: true,
      value: {
        crates: [
          {
            trustedPublishing: null,
            trustedPublishingUnknown:
              'Trusted publishing could not be read from one.test. The registry answered: Not Found (HTTP 404).',
          },
        ],
      },
    });
  });

  it('reports an account whose crate list fails as a failure, not as crates without details', async () => {
    const core = await signedIn({
      'one.test /api/v1/me': { body: meBody(1, 'kate', ['quill']) },
      'one.test /api/v1/crates?user_id=1&per_page=100': {
        status: 503,
        body: { errors: [{ detail: 'Service Unavailable' }] },
      },
    });
    const answer = await dispatchCall(core.handlers, 'crates:overview', {});
    expect(answer).toMatchObject({
      ok: true,
      value: {
        crates: [],
        failures: [
          {
            accountId: 'one.test#1',
            kind: 'offline',
            message: 'The registry answered: Service Unavailable (HTTP 503).',
            lastKnownAt: null,
          },
        ],
      },
    });
  });
});
