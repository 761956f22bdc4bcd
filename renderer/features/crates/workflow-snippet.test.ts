import { describe, expect, it } from 'vitest';
import { githubWorkflowSnippet, gitlabWorkflowSnippet } from './workflow-snippet';

const CRATES_IO = { name: 'crates-io', baseUrl: 'https://crates.io' };
const SIM = { name: 'sim', baseUrl: 'http://127.0.0.1:4000' };

describe('githubWorkflowSnippet', () => {
  it('is crates.io’s job: id-token write, the auth action, cargo publish with its token', () => {
    const snippet = githubWorkflowSnippet(
      { workflowFilename: 'publish.yml', environment: 'release' },
      CRATES_IO,
    );
    expect(snippet.path).toBe('.github/workflows/publish.yml');
    expect(snippet.text).toBe(
      [
        'name: Publish to crates.io',
        'on:',
        '  push:',
        "    tags: ['v*']",
        'jobs:',
        '  publish:',
        '    runs-on: ubuntu-latest',
        '    environment: release',
        '    permissions:',
        '      id-token: write # lets the job ask GitHub for an OIDC token',
        '    steps:',
        '      - uses: actions/checkout@v6',
        '      - uses: rust-lang/crates-io-auth-action@v1',
        '        id: auth',
        '      - run: cargo publish',
        '        env:',
        '          CARGO_REGISTRY_TOKEN: ${{ steps.auth.outputs.token }}',
        '',
      ].join('\n'),
    );
  });

  it('leaves the environment out for any environment, and quotes an unusual one', () => {
    const any = githubWorkflowSnippet({ workflowFilename: 'a.yaml', environment: null }, CRATES_IO);
    expect(any.text).not.toContain('environment:');
    const odd = githubWorkflowSnippet(
      { workflowFilename: 'a.yaml', environment: 'prod: eu' },
      CRATES_IO,
    );
    expect(odd.text).toContain("    environment: 'prod: eu'\n");
  });

  it('names another registry to the action and to cargo', () => {
    const { text } = githubWorkflowSnippet(
      { workflowFilename: 'publish.yml', environment: null },
      SIM,
    );
    expect(text).toContain('name: Publish to 127.0.0.1:4000\n');
    expect(text).toContain('        with:\n          url: http://127.0.0.1:4000\n');
    expect(text).toContain('      - run: cargo publish --registry sim\n');
    expect(text).toContain('          CARGO_REGISTRIES_SIM_TOKEN: ${{ steps.auth.outputs.token }}');
  });
});

describe('gitlabWorkflowSnippet', () => {
  it('declares an ID token for crates.io and trades it at the token endpoint', () => {
    const snippet = gitlabWorkflowSnippet(
      { workflowFilepath: 'ci/publish.yml', environment: 'release' },
      CRATES_IO,
    );
    expect(snippet.path).toBe('ci/publish.yml');
    expect(snippet.text).toContain('  environment: release\n');
    expect(snippet.text).toContain('  id_tokens:\n    CRATES_IO_ID_TOKEN:\n      aud: crates.io\n');
    expect(snippet.text).toContain(
      'CARGO_REGISTRY_TOKEN=$(curl -sS --fail-with-body -X POST https://crates.io/api/v1/trusted_publishing/tokens',
    );
    expect(snippet.text).toContain('      cargo publish\n');
    expect(snippet.text).toContain(
      'curl -sS -X DELETE https://crates.io/api/v1/trusted_publishing/tokens -H "Authorization: Bearer $CARGO_REGISTRY_TOKEN"',
    );
  });

  it('uses another registry’s host as the audience, its address and its variable', () => {
    const { text } = gitlabWorkflowSnippet(
      { workflowFilepath: '.gitlab-ci.yml', environment: null },
      SIM,
    );
    expect(text).not.toContain('environment:');
    expect(text).toContain('      aud: 127.0.0.1\n');
    expect(text).toContain('http://127.0.0.1:4000/api/v1/trusted_publishing/tokens');
    expect(text).toContain('      export CARGO_REGISTRIES_SIM_TOKEN\n');
    expect(text).toContain('      cargo publish --registry sim\n');
  });
});
