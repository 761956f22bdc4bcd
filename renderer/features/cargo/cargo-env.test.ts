import { describe, expect, it } from 'vitest';
import { githubActionsStepOf, publishCommandOf, tokenEnvVarOf } from './cargo-env';

describe('tokenEnvVarOf', () => {
  it('is CARGO_REGISTRY_TOKEN for crates.io', () => {
    expect(tokenEnvVarOf('crates-io')).toBe('CARGO_REGISTRY_TOKEN');
  });

  it('upper-cases another registry and turns - into _', () => {
    expect(tokenEnvVarOf('my-lab_2')).toBe('CARGO_REGISTRIES_MY_LAB_2_TOKEN');
  });
});

describe('githubActionsStepOf', () => {
  it('publishes to crates.io with the repository secret', () => {
    expect(githubActionsStepOf('crates-io')).toBe(
      [
        '- name: Publish',
        '  run: cargo publish',
        '  env:',
        '    CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}',
      ].join('\n'),
    );
  });

  it('names another registry in the command and the variable', () => {
    expect(publishCommandOf('sim')).toBe('cargo publish --registry sim');
    expect(githubActionsStepOf('sim')).toContain(
      'CARGO_REGISTRIES_SIM_TOKEN: ${{ secrets.CARGO_REGISTRIES_SIM_TOKEN }}',
    );
  });
});
