import { describe, expect, it } from 'vitest';
import { TOKEN_STATUSES } from '../../../shared/domain/expiry';
import {
  LEGACY_SCOPE_CHIP,
  scopeCellOf,
  scopeChipsOf,
  shownStatusOf,
  statusPresentation,
} from './token-status';

describe('status presentation', () => {
  it('colours statuses by urgency', () => {
    expect(statusPresentation('expired').tone).toBe('danger');
    expect(statusPresentation('expiring').tone).toBe('warning');
    expect(statusPresentation('legacy').tone).toBe('caution');
    expect(statusPresentation('no-expiry').tone).toBe('neutral');
    expect(statusPresentation('active').tone).toBe('success');
  });

  it('labels and explains every status', () => {
    for (const status of TOKEN_STATUSES) {
      const { label, description } = statusPresentation(status);
      expect(label).not.toBe('');
      expect(description.length).toBeGreaterThan(20);
    }
  });
});

describe('an imported token without an expiry date', () => {
  it('shows "Expiry not known", not "No expiry"', () => {
    const imported = { source: 'imported', status: 'no-expiry', expiresAt: null } as const;
    expect(statusPresentation(shownStatusOf(imported)).label).toBe('Not known');
    expect(shownStatusOf({ ...imported, source: 'registry' })).toBe('no-expiry');
  });
});

describe('scope chips', () => {
  it('warns about legacy tokens instead of listing scopes', () => {
    expect(scopeChipsOf(null)).toEqual([LEGACY_SCOPE_CHIP]);
    expect(LEGACY_SCOPE_CHIP.label).toBe('legacy: all rights');
  });

  it("lists scopes in the website's order with their plain-language descriptions", () => {
    expect(scopeChipsOf(['yank', 'publish-update'])).toEqual([
      { label: 'publish-update', description: 'Publish new versions of existing crates' },
      { label: 'yank', description: 'Yank and unyank crate versions' },
    ]);
  });

  it('lists nothing for a token with an empty scope list', () => {
    expect(scopeChipsOf([])).toEqual([]);
  });
});

describe('scope cell', () => {
  it('does not call an imported token legacy just because its scopes are unknown', () => {
    expect(scopeCellOf({ source: 'imported', endpointScopes: null }).kind).toBe('unknown');
  });

  it('shows the legacy warning for a listed token without scopes', () => {
    expect(scopeCellOf({ source: 'registry', endpointScopes: null })).toEqual({
      kind: 'chips',
      chips: [LEGACY_SCOPE_CHIP],
    });
  });

  it('shows known scopes of an imported token', () => {
    expect(scopeCellOf({ source: 'imported', endpointScopes: ['yank'] })).toMatchObject({
      kind: 'chips',
      chips: [{ label: 'yank' }],
    });
  });
});
