import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { APP_FUSES } from './fuses';

describe('APP_FUSES', () => {
  it('takes the extra privileges of file:// pages away, now that the page is app://', () => {
    expect(APP_FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('keeps the binary from running as Node or taking a debugger or NODE_OPTIONS', () => {
    expect(APP_FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(APP_FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(APP_FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('runs only the integrity-checked app.asar, and encrypts cookies', () => {
    expect(APP_FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(APP_FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(APP_FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });
});
