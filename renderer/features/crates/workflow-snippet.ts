import { CRATES_IO_REGISTRY, publishCommandOf, tokenEnvVarOf } from '../cargo/cargo-env';

/** A file to put in the repository, and what to put in it. */
export interface WorkflowSnippet {
  /** Where it goes in the repository, e.g. `.github/workflows/publish.yml`. */
  readonly path: string;
  readonly text: string;
}

/** The registry the workflow publishes to: cargo's name for it and its web address. */
export interface SnippetRegistry {
  readonly name: string;
  readonly baseUrl: string;
}

/*
 * Modelled on crates.io's own documentation (crates.io/docs/trusted-publishing)
 * and rust-lang/crates-io-auth-action's README: the GitHub job asks GitHub for
 * an OIDC token (`id-token: write`), the action trades it for a 30-minute
 * token and revokes it when the job ends; the GitLab job declares an ID token
 * for the audience `crates.io` and trades it with crates.io's token endpoint.
 * For a registry other than crates.io the action is given its `url`, and
 * cargo is told the registry and reads the token from that registry's variable.
 */

export function githubWorkflowSnippet(
  config: { readonly workflowFilename: string; readonly environment: string | null },
  registry: SnippetRegistry,
): WorkflowSnippet {
  const variable = tokenEnvVarOf(registry.name);
  const custom = registry.name !== CRATES_IO_REGISTRY;
  const lines = [
    `name: Publish to ${registryTitleOf(registry)}`,
    'on:',
    '  push:',
    "    tags: ['v*']",
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    ...(config.environment === null ? [] : [`    environment: ${yamlText(config.environment)}`]),
    '    permissions:',
    '      id-token: write # lets the job ask GitHub for an OIDC token',
    '    steps:',
    '      - uses: actions/checkout@v6',
    '      - uses: rust-lang/crates-io-auth-action@v1',
    '        id: auth',
    ...(custom ? ['        with:', `          url: ${registry.baseUrl}`] : []),
    `      - run: ${publishCommandOf(registry.name)}`,
    '        env:',
    `          ${variable}: \${{ steps.auth.outputs.token }}`,
  ];
  return { path: `.github/workflows/${config.workflowFilename}`, text: lines.join('\n') + '\n' };
}

export function gitlabWorkflowSnippet(
  config: { readonly workflowFilepath: string; readonly environment: string | null },
  registry: SnippetRegistry,
): WorkflowSnippet {
  const variable = tokenEnvVarOf(registry.name);
  const tokens = `${registry.baseUrl.replace(/\/+$/, '')}/api/v1/trusted_publishing/tokens`;
  const lines = [
    'publish:',
    '  image: rust:alpine',
    ...(config.environment === null ? [] : [`  environment: ${yamlText(config.environment)}`]),
    '  rules:',
    '    - if: $CI_COMMIT_TAG # publish when a tag is pushed',
    '  id_tokens:',
    '    CRATES_IO_ID_TOKEN:',
    `      aud: ${audienceOf(registry)}`,
    '  before_script:',
    '    - apk add --no-cache curl jq',
    '  script:',
    '    - |',
    `      # Trade GitLab's ID token for a 30-minute ${registryTitleOf(registry)} token`,
    `      ${variable}=$(curl -sS --fail-with-body -X POST ${tokens} \\`,
    '        -H "Content-Type: application/json" \\',
    '        -d "{\\"jwt\\": \\"$CRATES_IO_ID_TOKEN\\"}" | jq -r .token)',
    `      test -n "$${variable}" && test "$${variable}" != null`,
    `      export ${variable}`,
    `      ${publishCommandOf(registry.name)}`,
    '      # Revoke it now rather than let it live its 30 minutes',
    `      curl -sS -X DELETE ${tokens} -H "Authorization: Bearer $${variable}"`,
  ];
  return { path: config.workflowFilepath, text: lines.join('\n') + '\n' };
}

/** "crates.io", or the registry's host. */
function registryTitleOf(registry: SnippetRegistry): string {
  return registry.name === CRATES_IO_REGISTRY ? 'crates.io' : hostOf(registry.baseUrl);
}

/** crates.io checks the ID token's audience against its own domain. */
function audienceOf(registry: SnippetRegistry): string {
  if (registry.name === CRATES_IO_REGISTRY) return 'crates.io';
  try {
    return new URL(registry.baseUrl).hostname;
  } catch {
    return registry.baseUrl;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A YAML scalar: plain when that reads the same, else single-quoted. */
function yamlText(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 _./-]*$/.test(value) && !/\s$/.test(value)
    ? value
    : `'${value.replaceAll("'", "''")}'`;
}
