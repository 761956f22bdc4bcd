/** cargo's name for crates.io's registry (`[registry]` in its files). */
export const CRATES_IO_REGISTRY = 'crates-io';

/**
 * The environment variable cargo reads a registry's token from before any
 * file: `CARGO_REGISTRY_TOKEN` for crates.io, `CARGO_REGISTRIES_<NAME>_TOKEN`
 * for another (NAME upper-cased, `-` as `_`), as cargo's docs say.
 */
export function tokenEnvVarOf(registry: string): string {
  if (registry === CRATES_IO_REGISTRY) return 'CARGO_REGISTRY_TOKEN';
  return `CARGO_REGISTRIES_${registry.toUpperCase().replaceAll('-', '_')}_TOKEN`;
}

/** `cargo publish`, with `--registry NAME` for a registry other than crates.io. */
export function publishCommandOf(registry: string): string {
  return registry === CRATES_IO_REGISTRY ? 'cargo publish' : `cargo publish --registry ${registry}`;
}

/**
 * A GitHub Actions step that publishes with the token stored as a repository
 * secret of the same name as the variable: the secret itself is not in it.
 */
export function githubActionsStepOf(registry: string): string {
  const variable = tokenEnvVarOf(registry);
  return [
    `- name: Publish`,
    `  run: ${publishCommandOf(registry)}`,
    `  env:`,
    `    ${variable}: \${{ secrets.${variable} }}`,
  ].join('\n');
}
