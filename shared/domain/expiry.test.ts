import { describe, expect, it } from 'vitest';
import { classifyToken } from './expiry';

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
