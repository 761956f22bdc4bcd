import { describe, expect, it } from 'vitest';
import { findOverrides } from './overrides';

/** What "Use with cargo" says once Connect cargo has put our provider in the global list. */
describe('findOverrides with Cratekeeper connected', () => {
  const connected = {
    'credential-alias': { cratekeeper: ['/opt/provider', '--data-dir', '/data'] },
    registry: { 'global-credential-providers': ['cargo:token', 'cratekeeper'] },
  };

  it('says cargo asks Cratekeeper first and when it still reads the credentials file', () => {
    const { overrides, fileIsRead } = findOverrides('sim', connected, {});
    expect(fileIsRead).toBe(true);
    expect(overrides).toEqual([
      {
        kind: 'credential-provider',
        message:
          "cargo is connected to Cratekeeper: it asks Cratekeeper's credential provider first and reads the credentials file for sim only when Cratekeeper holds no token for it, or has no fitting one and sim is set to fall through.",
      },
    ]);
  });

  it('says the file is never read when the list has no cargo:token', () => {
    const config = { registry: { 'global-credential-providers': ['cratekeeper'] } };
    expect(findOverrides('crates-io', config, {}).fileIsRead).toBe(false);
  });
});
