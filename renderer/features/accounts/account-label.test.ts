import { describe, expect, it } from 'vitest';
import {
  accountStatusLabel,
  accountWhere,
  cargoNameHint,
  allowedAvatarUrl,
  initialOf,
  registryHost,
  signedInAccounts,
} from './account-label';
import { accountFixture } from '../../../shared/test-support/domain-fixtures';

const account = accountFixture;

describe('account labels', () => {
  it('names a registry by its host, port included', () => {
    expect(registryHost(account({}))).toBe('crates.io');
    expect(
      registryHost(account({ registry: { name: 'sim', baseUrl: 'http://127.0.0.1:8888' } })),
    ).toBe('127.0.0.1:8888');
  });

  it('keeps only signed-in accounts', () => {
    const list = [account({ id: 'a' }), account({ id: 'b', status: 'signed-out' })];
    expect(signedInAccounts(list).map((entry) => entry.id)).toEqual(['a']);
  });

  it('names an account with its registry, as sentences and buttons say it', () => {
    expect(accountWhere(account({}))).toBe('ferris on crates.io');
  });

  it('marks a signed-out account as needing a new sign-in', () => {
    expect(accountStatusLabel(account({}))).toEqual({ label: 'Signed in', needsAction: false });
    expect(accountStatusLabel(account({ status: 'signed-out' }))).toEqual({
      label: 'Signed out',
      needsAction: true,
    });
  });

  it('explains the cargo name an account shows (issue 13)', () => {
    expect(cargoNameHint('sim')).toContain('cargo knows this registry as “sim” in its config');
    expect(cargoNameHint('crates-io')).toContain('[registry]');
  });

  it('makes an avatar letter from a login', () => {
    expect(initialOf('ferris')).toBe('F');
    expect(initialOf('')).toBe('?');
  });
});

describe('allowedAvatarUrl', () => {
  it("keeps GitHub's avatar hosts, which the page's CSP allows", () => {
    const url = 'https://avatars.githubusercontent.com/u/1?v=4';
    expect(allowedAvatarUrl(url)).toBe(url);
  });

  it('drops hosts the CSP would block, plain http and junk', () => {
    expect(allowedAvatarUrl('https://example.com/me.png')).toBeNull();
    expect(allowedAvatarUrl('http://avatars.githubusercontent.com/u/1')).toBeNull();
    expect(allowedAvatarUrl('https://githubusercontent.com.evil.test/u/1')).toBeNull();
    expect(allowedAvatarUrl('not a url')).toBeNull();
    expect(allowedAvatarUrl(null)).toBeNull();
  });
});

describe('account status while its registry cannot be read', () => {
  it('does not say "Signed in" when the last list could not reach the registry', () => {
    const signedIn = { status: 'signed-in' } as const;
    const message = 'Could not reach crates.io.';
    expect(accountStatusLabel(signedIn, { kind: 'offline', message })).toEqual({
      label: 'Registry unreachable',
      needsAction: false,
      trouble: message,
    });
    expect(accountStatusLabel(signedIn, { kind: 'locked', message: 'locked' }).label).toBe(
      'Vault locked',
    );
    expect(accountStatusLabel(signedIn, { kind: 'rate-limited', message: 'busy' }).label).toBe(
      'Registry busy',
    );
  });
});
