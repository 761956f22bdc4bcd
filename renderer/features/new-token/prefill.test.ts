import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { DEFAULT_EXPIRY_CHOICE } from '../../../shared/domain/expiry-presets';
import { nextName, prefillExpiry, prefillFromRequest, prefillFromToken } from './prefill';

const TOKEN: TokenView = {
  key: 'a#1/7',
  source: 'registry',
  accountId: 'a#1',
  tokenId: 7,
  registryName: 'crates-io',
  name: 'release quill family',
  endpointScopes: ['publish-new', 'publish-update'],
  cratePatterns: ['quill*'],
  createdAt: '2026-01-01T10:00:00Z',
  lastUsedAt: null,
  expiresAt: '2026-03-01T10:00:00Z',
  status: 'active',
  secretHeld: true,
};

describe('prefillExpiry', () => {
  it('keeps a preset the old token was made with, even an hour off across DST', () => {
    expect(prefillExpiry('2026-01-01T10:00:00Z', '2026-03-02T10:00:00Z')).toEqual({
      kind: 'days',
      days: 60,
    });
    expect(prefillExpiry('2026-03-01T10:00:00Z', '2026-05-30T09:00:00Z')).toEqual({
      kind: 'days',
      days: 90,
    });
    expect(prefillExpiry('2026-01-01T10:00:00Z', '2026-01-08T10:00:00Z')).toEqual({
      kind: 'days',
      days: 7,
    });
  });

  it('falls back to 90 days for a lifetime near no preset', () => {
    expect(prefillExpiry('2026-01-01T10:00:00Z', '2026-01-15T10:00:00Z')).toEqual({
      kind: 'days',
      days: 90,
    });
  });

  it('keeps "No expiration" for a token that never expired', () => {
    expect(prefillExpiry('2026-01-01T10:00:00Z', null)).toEqual({ kind: 'none' });
  });
});

describe('prefillFromToken', () => {
  it('copies account, scopes and patterns, and offers "NAME (2)" beside the working old token', () => {
    expect(prefillFromToken(TOKEN, 'other')).toEqual({
      accountId: 'a#1',
      name: 'release quill family (2)',
      endpointScopes: ['publish-new', 'publish-update'],
      cratePatterns: ['quill*'],
      expiry: { kind: 'days', days: 60 },
    });
  });

  it('keeps the name of an expired token, and counts on from a numbered one', () => {
    expect(prefillFromToken({ ...TOKEN, status: 'expired' }, 'a#1').name).toBe(
      'release quill family',
    );
    expect(nextName('CI (2)')).toBe('CI (3)');
    expect(nextName('CI')).toBe('CI (2)');
  });

  it('leaves the scopes to choose for a legacy token, and any crate for no patterns', () => {
    const legacy = { ...TOKEN, endpointScopes: null, cratePatterns: null, accountId: null };
    expect(prefillFromToken(legacy, 'b#2')).toMatchObject({
      accountId: 'b#2',
      endpointScopes: [],
      cratePatterns: [],
    });
  });
});

describe('prefillFromRequest', () => {
  it('fills in what cargo asked for, with the default expiry', () => {
    expect(
      prefillFromRequest({
        accountId: 'a#1',
        name: 'cargo publish-update quill',
        endpointScopes: ['publish-update'],
        cratePatterns: ['quill'],
      }),
    ).toEqual({
      accountId: 'a#1',
      name: 'cargo publish-update quill',
      endpointScopes: ['publish-update'],
      cratePatterns: ['quill'],
      expiry: DEFAULT_EXPIRY_CHOICE,
    });
  });
});
