import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../shared/domain/vault';
import { describeVault, idleText } from './vault-labels';

const status = (overrides: Partial<VaultStatus>): VaultStatus => ({
  cipher: 'os-keychain',
  state: 'ready',
  keychainProblem: null,
  idleLockMinutes: 15,
  ...overrides,
});

describe('describeVault', () => {
  it('names the OS keychain when it keeps the key', () => {
    expect(describeVault(status({})).title).toBe('Secrets are kept with your OS keychain');
  });

  it('explains a passphrase vault and when it locks', () => {
    const { title, detail } = describeVault(status({ cipher: 'passphrase' }));
    expect(title).toBe('Secrets are protected by your passphrase');
    expect(detail).toMatch(/after 15 minutes without use/);
  });

  it('says a locked vault needs the passphrase', () => {
    expect(describeVault(status({ cipher: 'passphrase', state: 'locked' })).title).toBe(
      'Cratekeeper is locked',
    );
  });

  it("quotes the keychain's problem when a passphrase must be chosen", () => {
    const { title, detail } = describeVault(
      status({ cipher: null, state: 'needs-passphrase', keychainProblem: 'No keyring found.' }),
    );
    expect(title).toBe('Choose a passphrase to keep your secrets safe');
    expect(detail).toMatch(/^No keyring found\. Until you choose one/);
  });
});

describe('idleText', () => {
  it('speaks in minutes or whole hours', () => {
    expect(idleText(1)).toBe('1 minute');
    expect(idleText(15)).toBe('15 minutes');
    expect(idleText(60)).toBe('1 hour');
    expect(idleText(120)).toBe('2 hours');
    expect(idleText(90)).toBe('90 minutes');
  });
});
