import { describe, expect, it } from 'vitest';
import { importedTokenKeyOf, tokenKeyOf } from './token';
import { parseRegistryTokenKey } from './token-key';

describe('parseRegistryTokenKey', () => {
  it('inverts tokenKeyOf, ports included', () => {
    expect(parseRegistryTokenKey(tokenKeyOf('crates.io#7', 42))).toEqual({
      accountId: 'crates.io#7',
      tokenId: 42,
    });
    expect(parseRegistryTokenKey(tokenKeyOf('127.0.0.1:5198#1', 3))).toEqual({
      accountId: '127.0.0.1:5198#1',
      tokenId: 3,
    });
  });

  it('refuses imported and malformed keys', () => {
    expect(parseRegistryTokenKey(importedTokenKeyOf('0b6c'))).toBeNull();
    for (const key of ['', '/7', 'crates.io#7', 'crates.io#7/', 'crates.io#7/x', 'a/1e3']) {
      expect(parseRegistryTokenKey(key)).toBeNull();
    }
  });
});
