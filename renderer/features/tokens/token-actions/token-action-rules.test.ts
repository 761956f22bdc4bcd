import { describe, expect, it } from 'vitest';
import { availableActionsOf } from './token-action-rules';

const scoped = ['publish-update' as const];

describe('availableActionsOf', () => {
  it('offers all three on a working scoped token', () => {
    expect(
      availableActionsOf({ source: 'registry', status: 'active', endpointScopes: scoped }),
    ).toEqual(['regenerate', 'rotate', 'revoke']);
  });

  it('offers only Regenerate on an expired token, as the website does', () => {
    expect(
      availableActionsOf({ source: 'registry', status: 'expired', endpointScopes: scoped }),
    ).toEqual(['regenerate']);
  });

  it('does not rotate a legacy token (the app creates scoped tokens only)', () => {
    expect(
      availableActionsOf({ source: 'registry', status: 'legacy', endpointScopes: null }),
    ).toEqual(['regenerate', 'revoke']);
  });

  it('offers nothing on an imported token', () => {
    expect(
      availableActionsOf({ source: 'imported', status: 'active', endpointScopes: null }),
    ).toEqual([]);
  });
});
