import { describe, expect, it } from 'vitest';
import { isAllowedRegistryUrl, isLoopbackHostname } from './account';

describe('isLoopbackHostname', () => {
  it('knows localhost, 127.0.0.0/8 and ::1', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '::1', '[::1]']) {
      expect(isLoopbackHostname(host), host).toBe(true);
    }
  });

  it('refuses everything that only looks close', () => {
    for (const host of [
      'localhost.',
      'api.localhost',
      'localhost.example.com',
      '127.0.0.1.example.com',
      '127.0.0.256',
      '128.0.0.1',
      '10.0.0.1',
      '0.0.0.0',
      '[::ffff:7f00:1]',
      '[::2]',
      'crates.io',
      '',
    ]) {
      expect(isLoopbackHostname(host), host).toBe(false);
    }
  });
});

describe('isAllowedRegistryUrl', () => {
  it('allows https anywhere and http only on this machine', () => {
    expect(isAllowedRegistryUrl('https://crates.io')).toBe(true);
    expect(isAllowedRegistryUrl('https://registry.example.com:8443/sub')).toBe(true);
    expect(isAllowedRegistryUrl('http://127.0.0.1:8888')).toBe(true);
    expect(isAllowedRegistryUrl('http://localhost:3000')).toBe(true);
    expect(isAllowedRegistryUrl('http://[::1]:3000')).toBe(true);
    // URL normalises other spellings of an IPv4 address first.
    expect(isAllowedRegistryUrl('http://127.1:8888')).toBe(true);
  });

  it('refuses plain http to other machines, other schemes and non-URLs', () => {
    for (const url of [
      'http://crates.io',
      'http://registry.example.com',
      'http://192.168.1.10:8888',
      'http://localhost.example.com',
      'http://[::ffff:127.0.0.1]',
      'ftp://127.0.0.1',
      'ws://localhost',
      'crates.io',
      '',
    ]) {
      expect(isAllowedRegistryUrl(url), url).toBe(false);
    }
  });
});
