import { describe, expect, it } from 'vitest';
import { markRiskCountStale, publishRiskCount, riskCountNow } from './risk-count-store';

describe('risk count store', () => {
  it('is stale until an audit publishes, and again after each change', () => {
    expect(riskCountNow()).toMatchObject({ count: null, stale: true });
    publishRiskCount(7);
    expect(riskCountNow()).toMatchObject({ count: 7, stale: false });
    markRiskCountStale();
    expect(riskCountNow()).toMatchObject({ count: 7, stale: true });
  });

  it('stays stale when a change came while the audit ran', () => {
    markRiskCountStale();
    const asOf = riskCountNow().changes;
    // A token is revoked while the audit's calls are in flight.
    markRiskCountStale();
    publishRiskCount(5, asOf);
    expect(riskCountNow()).toMatchObject({ count: 5, stale: true });
    publishRiskCount(4, riskCountNow().changes);
    expect(riskCountNow()).toMatchObject({ count: 4, stale: false });
  });

  it('holds no count when tokens or crates could not be read', () => {
    publishRiskCount(null);
    expect(riskCountNow()).toMatchObject({ count: null, stale: false });
  });
});
