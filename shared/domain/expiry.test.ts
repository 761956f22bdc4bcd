import { describe, expect, it } from 'vitest';
import {
  classifyToken,
  DEFAULT_WARNING_DAYS,
  expiryState,
  thresholdDays,
  thresholdName,
  widestWarningDay,
} from './expiry';

const now = new Date('2026-03-10T12:00:00Z');
const scoped = ['publish-update'];

describe('classifyToken', () => {
  it('is expired at and after the expiry instant', () => {
    expect(classifyToken({ expiresAt: '2026-03-10T12:00:00Z', endpointScopes: scoped }, now)).toBe(
      'expired',
    );
    expect(classifyToken({ expiresAt: '2026-01-01T00:00:00Z', endpointScopes: null }, now)).toBe(
      'expired',
    );
  });

  it('is expiring within the warning window, legacy or not', () => {
    expect(classifyToken({ expiresAt: '2026-03-24T12:00:00Z', endpointScopes: scoped }, now)).toBe(
      'expiring',
    );
    expect(classifyToken({ expiresAt: '2026-03-11T00:00:00Z', endpointScopes: null }, now)).toBe(
      'expiring',
    );
  });

  it('is active beyond the window and honours a custom window', () => {
    expect(classifyToken({ expiresAt: '2026-03-24T12:00:01Z', endpointScopes: scoped }, now)).toBe(
      'active',
    );
    expect(
      classifyToken({ expiresAt: '2026-03-24T12:00:00Z', endpointScopes: scoped }, now, 7),
    ).toBe('active');
  });

  it('marks unscoped tokens legacy and scoped ones without expiry no-expiry', () => {
    expect(classifyToken({ expiresAt: null, endpointScopes: null }, now)).toBe('legacy');
    expect(classifyToken({ expiresAt: '2027-01-01T00:00:00Z', endpointScopes: null }, now)).toBe(
      'legacy',
    );
    expect(classifyToken({ expiresAt: null, endpointScopes: scoped }, now)).toBe('no-expiry');
  });
});

describe('expiryState', () => {
  const at = (iso: string) => new Date(iso);
  const expiresAt = '2026-03-20T12:00:00.000Z';

  it('is ok before the widest threshold, and says when that is crossed', () => {
    expect(expiryState(expiresAt, at('2026-03-01T00:00:00Z'))).toEqual({
      phase: 'ok',
      threshold: null,
      thresholdDays: null,
      nextChangeAt: at('2026-03-06T12:00:00Z'),
    });
  });

  it('names the tightest threshold crossed and the next one, each at its exact moment', () => {
    expect(expiryState(expiresAt, at('2026-03-13T12:00:00Z'))).toEqual({
      phase: 'expiring',
      threshold: '7d',
      thresholdDays: 7,
      nextChangeAt: at('2026-03-17T12:00:00Z'),
    });
    expect(expiryState(expiresAt, at('2026-03-19T12:00:00Z')).nextChangeAt).toEqual(at(expiresAt));
  });

  it('is expired at the expiry instant, for good', () => {
    expect(expiryState(expiresAt, at(expiresAt))).toEqual({
      phase: 'expired',
      threshold: 'expired',
      thresholdDays: 0,
      nextChangeAt: null,
    });
  });

  it("follows the user's warning days in any order, and never changes without expiry", () => {
    const state = expiryState(expiresAt, at('2026-03-12T00:00:00Z'), [2, 10]);
    expect(state.threshold).toBe('10d');
    expect(state.nextChangeAt).toEqual(at('2026-03-18T12:00:00Z'));
    expect(expiryState(null, at('2026-03-12T00:00:00Z')).nextChangeAt).toBeNull();
  });

  it('names thresholds both ways', () => {
    expect([14, 7, 1, 0].map(thresholdName)).toEqual(['14d', '7d', '1d', 'expired']);
    expect(['30d', 'expired', '0d', 'x'].map(thresholdDays)).toEqual([30, 0, null, null]);
  });

  it('keeps the list badge in step with the widest warning day', () => {
    const facts = { expiresAt, endpointScopes: scoped };
    const widest = widestWarningDay([2, 10, 2]);
    expect(widest).toBe(10);
    expect(widestWarningDay([])).toBe(DEFAULT_WARNING_DAYS[0]);
    expect(classifyToken(facts, at('2026-03-08T12:00:00Z'), widest)).toBe('active');
    expect(classifyToken(facts, at('2026-03-10T12:00:00Z'), widest)).toBe('expiring');
  });
});
