import { describe, expect, it } from 'vitest';
import { ROW_ACTION_SLOTS, availableActionsOf } from './token-action-rules';

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

  it('offers only Forget on an imported token, in the place of Revoke', () => {
    expect(
      availableActionsOf({ source: 'imported', status: 'active', endpointScopes: null }),
    ).toEqual(['forget']);
    expect(ROW_ACTION_SLOTS.findIndex((slot) => slot.includes('forget'))).toBe(
      ROW_ACTION_SLOTS.findIndex((slot) => slot.includes('revoke')),
    );
  });
});
