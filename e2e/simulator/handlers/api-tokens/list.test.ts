import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import type { SeedFile } from '../../seeds/schema';
import { token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

const SEED: SeedFile = {
  users: [{ login: 'alice' }, { login: 'bob' }],
  tokens: [
    { user: 'alice', name: 'oldest', token: token('Oldest'), created_days_ago: 100 },
    { user: 'alice', name: 'expired 5 days ago', created_days_ago: 50, expires_in_days: -5 },
    { user: 'alice', name: 'expired 40 days ago', created_days_ago: 45, expires_in_days: -40 },
    { user: 'alice', name: 'revoked', created_days_ago: 30, revoked: true },
    { user: 'bob', name: 'bob only', created_days_ago: 20 },
    { user: 'alice', name: 'expires tomorrow', created_days_ago: 10, expires_in_days: 1 },
    { user: 'alice', name: 'newest', created_days_ago: 1 },
  ],
};

describe('GET /api/v1/me/tokens', () => {
  let sim: TestSim;
  let cookie: string;
  beforeEach(async () => {
    sim = await TestSim.start({ seed: SEED });
    cookie = await sim.signIn('alice');
  });
  afterEach(() => sim.close());

  const names = async (query = '') => {
    const result = await sim.call('GET', `/api/v1/me/tokens${query}`, { cookie });
    expect(result.status).toBe(200);
    return (result.json as { api_tokens: { name: string }[] }).api_tokens.map((t) => t.name);
  };

  it('lists own tokens newest first (id desc), never revoked, no expired ones by default', async () => {
    expect(await names()).toEqual(['newest', 'expires tomorrow', 'oldest']);
  });

  it('adds tokens that expired within expired_days', async () => {
    expect(await names('?expired_days=30')).toEqual([
      'newest',
      'expires tomorrow',
      'expired 5 days ago',
      'oldest',
    ]);
    expect(await names('?expired_days=41')).toContain('expired 40 days ago');
  });

  it('follows the simulator clock', async () => {
    sim.state.clock.advance(2 * 24 * 60 * 60 * 1000);
    expect(await names()).toEqual(['newest', 'oldest']);
  });

  it('answers timestamps as RFC 3339 UTC and no secrets', async () => {
    const result = await sim.call('GET', '/api/v1/me/tokens', { cookie });
    const [first] = (result.json as { api_tokens: Record<string, unknown>[] }).api_tokens;
    expect(first?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(first).not.toHaveProperty('token');
  });

  it('refuses an API token: this is for the website only', async () => {
    const result = await sim.call('GET', '/api/v1/me/tokens', { token: token('Oldest') });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.websiteOnly);
  });

  it('refuses an expired_days that is not a number', async () => {
    const result = await sim.call('GET', '/api/v1/me/tokens?expired_days=soon', { cookie });
    expect(result.status).toBe(400);
  });
});
