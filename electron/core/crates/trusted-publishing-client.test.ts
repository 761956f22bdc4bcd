import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Fetch } from '../ports';
import { RegistryClient } from '../registry-client';
import { RegistryError, RegistryUnavailableError } from '../registry-errors';
import type { RegistryHttpLimits } from '../http/http-limits';
import { instantRetry } from '../test-support/instant-retry';
import { KiB, MiB, testHttpLimits } from '../test-support/test-http-limits';
import { TrustedPublishingClient } from './trusted-publishing-client';

const BASE = 'https://registry.test';

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** Answers by "METHOD path?query"; records method, headers and body of every request. */
function registry(
  routes: Record<string, { status?: number; body?: unknown }>,
  limits?: RegistryHttpLimits,
) {
  const sent: Sent[] = [];
  const fetch: Fetch = (input, init) => {
    const url = new URL(input);
    sent.push({
      method: init?.method ?? 'GET',
      url: url.toString(),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : null,
    });
    const route = routes[`${init?.method ?? 'GET'} ${url.pathname}${url.search}`];
    if (!route) {
      return Promise.resolve(
        new Response(JSON.stringify({ errors: [{ detail: 'Not Found' }] }), { status: 404 }),
      );
    }
    const text = route.body === undefined ? null : JSON.stringify(route.body);
    return Promise.resolve(new Response(text, { status: route.status ?? 200 }));
  };
  const tp = new TrustedPublishingClient(
    new RegistryClient(BASE, 'sess', fetch, instantRetry(), limits),
    'registry.test',
  );
  return { tp, sent };
}

const githubWire = {
  id: 3,
  crate: 'quill',
  repository_owner: 'Ferris',
  repository_owner_id: 42,
  repository_name: 'quill',
  workflow_filename: 'publish.yml',
  environment: null,
  created_at: '2026-05-01T10:00:00Z',
};

const gitlabWire = {
  id: 1,
  crate: 'quill',
  namespace: 'ferris/tools',
  namespace_id: null,
  project: 'quill',
  workflow_filepath: 'ci/publish.yml',
  environment: 'release',
  created_at: '2026-05-02T10:00:00Z',
};

describe('TrustedPublishingClient', () => {
  it('creates a GitHub configuration with one POST of crates.io body, cookie, no Origin, and camelCases the answer', async () => {
    const { tp, sent } = registry({
      'POST /api/v1/trusted_publishing/github_configs': { body: { github_config: githubWire } },
    });
    const config = await tp.addGithubConfig('quill', {
      repositoryOwner: 'ferris',
      repositoryName: 'quill',
      workflowFilename: 'publish.yml',
      environment: null,
    });
    expect(config).toEqual({
      id: 3,
      crate: 'quill',
      repositoryOwner: 'Ferris',
      repositoryOwnerId: 42,
      repositoryName: 'quill',
      workflowFilename: 'publish.yml',
      environment: null,
      createdAt: '2026-05-01T10:00:00Z',
    });
    expect(sent).toEqual([
      {
        method: 'POST',
        url: `${BASE}/api/v1/trusted_publishing/github_configs`,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          cookie: 'cargo_session=sess',
        },
        body: JSON.stringify({
          github_config: {
            crate: 'quill',
            repository_owner: 'ferris',
            repository_name: 'quill',
            workflow_filename: 'publish.yml',
            environment: null,
          },
        }),
      },
    ]);
  });

  it('creates a GitLab configuration with crates.io body', async () => {
    const { tp, sent } = registry({
      'POST /api/v1/trusted_publishing/gitlab_configs': { body: { gitlab_config: gitlabWire } },
    });
    const config = await tp.addGitlabConfig('quill', {
      namespace: 'ferris/tools',
      project: 'quill',
      workflowFilepath: 'ci/publish.yml',
      environment: 'release',
    });
    expect(config).toMatchObject({ id: 1, namespace: 'ferris/tools', namespaceId: null });
    expect(JSON.parse(sent[0]?.body ?? 'null')).toEqual({
      gitlab_config: {
        crate: 'quill',
        namespace: 'ferris/tools',
        project: 'quill',
        workflow_filepath: 'ci/publish.yml',
        environment: 'release',
      },
    });
  });

  it("keeps the registry's refusal text and status", async () => {
    const { tp } = registry({
      'POST /api/v1/trusted_publishing/github_configs': {
        status: 400,
        body: { errors: [{ detail: 'Unknown GitHub user or organization' }] },
      },
    });
    const fields = {
      repositoryOwner: 'nobody',
      repositoryName: 'x',
      workflowFilename: 'a.yml',
      environment: null,
    };
    const error = await tp.addGithubConfig('quill', fields).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: 400, detail: 'Unknown GitHub user or organization' });
  });

  it('refuses a configuration the registry sent in another shape instead of passing it on', async () => {
    const { tp } = registry({
      'GET /api/v1/trusted_publishing/github_configs?crate=quill&per_page=100': {
        body: {
          github_configs: [{ ...githubWire, repository_owner_id: 'forty-two' }],
          meta: { next_page: null },
        },
      },
    });
    await expect(tp.githubConfigs({ crate: 'quill' })).rejects.toThrow(
      'registry.test answered in an unexpected shape.',
    );
  });

  it('lists by user across seek pages, 100 at a time, until an empty page', async () => {
    const { tp, sent } = registry({
      'GET /api/v1/trusted_publishing/gitlab_configs?user_id=7&per_page=100': {
        body: { gitlab_configs: [gitlabWire], meta: { total: 2, next_page: '?user_id=7&seek=AQ' } },
      },
      'GET /api/v1/trusted_publishing/gitlab_configs?user_id=7&seek=AQ': {
        body: {
          gitlab_configs: [{ ...gitlabWire, id: 2, environment: undefined }],
          meta: { total: 2, next_page: '?user_id=7&seek=Ag' },
        },
      },
      'GET /api/v1/trusted_publishing/gitlab_configs?user_id=7&seek=Ag': {
        body: { gitlab_configs: [], meta: { total: 2, next_page: null } },
      },
    });
    const configs = await tp.gitlabConfigs({ userId: 7 });
    expect(configs.map((config) => [config.id, config.environment])).toEqual([
      [1, 'release'],
      [2, null],
    ]);
    expect(sent).toHaveLength(3);
  });

  it('deletes with one DELETE and switches trustpub_only with a PATCH, returning the answer’s flag', async () => {
    const { tp, sent } = registry({
      'DELETE /api/v1/trusted_publishing/gitlab_configs/9': { status: 204 },
      'PATCH /api/v1/crates/quill': { body: { crate: { name: 'quill', trustpub_only: true } } },
    });
    await tp.deleteConfig('gitlab', 9);
    await expect(tp.setTrustpubOnly('quill', true)).resolves.toBe(true);
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['DELETE', `${BASE}/api/v1/trusted_publishing/gitlab_configs/9`, null],
      ['PATCH', `${BASE}/api/v1/crates/quill`, '{"crate":{"trustpub_only":true}}'],
    ]);
  });
});

describe('TrustedPublishingClient limits', () => {
  it('holds each page to the cap of single answers, not the larger one of whole lists', async () => {
    const { roomy } = testHttpLimits({ maxListBytes: MiB, maxAnswerBytes: 4 * KiB }, 5_000);
    const configs = Array.from({ length: 40 }, (_, index) => ({ ...githubWire, id: index + 1 }));
    const { tp } = registry(
      {
        'GET /api/v1/trusted_publishing/github_configs?user_id=7&per_page=100': {
          body: { github_configs: configs, meta: { next_page: null } },
        },
      },
      roomy,
    );
    await expect(tp.githubConfigs({ userId: 7 })).rejects.toThrow(
      "registry.test's answer was larger than 4 KiB; it was not read.",
    );
  });
});

describe('RegistryClient on other endpoints', () => {
  it('never sends the session off its own origin', async () => {
    const tried: string[] = [];
    const client = new RegistryClient(
      BASE,
      'sess',
      (input) => {
        tried.push(input);
        return Promise.reject(new TypeError('fetch failed'));
      },
      instantRetry(),
    );
    for (const path of ['//evil.test/api/v1/me', 'https://evil.test/api/v1/me', '/../evil']) {
      await expect(client.read(path, z.unknown(), 'answer')).rejects.toBeInstanceOf(
        RegistryUnavailableError,
      );
      await expect(client.change(path, 'POST', {}, z.unknown())).rejects.toThrow(
        "Cratekeeper will not send registry.test's session there.",
      );
      await expect(client.delete(path)).rejects.toBeInstanceOf(RegistryUnavailableError);
    }
    expect(tried).toEqual([]);
  });
});
