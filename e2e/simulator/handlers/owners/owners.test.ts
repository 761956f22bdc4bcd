import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from '../../http/auth-messages';
import { scopesSeed, token } from '../../test-support/seeds';
import { detailOf, TestSim } from '../../test-support/test-sim';

describe('crate owners', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start({
      seed: scopesSeed({
        crates: [{ name: 'alpha-core', owners: ['alice', 'bob'] }],
        tokens: [
          { user: 'alice', name: 'legacy', token: token('AliceLegacy') },
          {
            user: 'alice',
            name: 'owners',
            token: token('AliceOwners'),
            endpoint_scopes: ['change-owners'],
            crate_scopes: ['alpha*'],
          },
          { user: 'alice', name: 'yank', token: token('AliceYank'), endpoint_scopes: ['yank'] },
        ],
        users: [{ login: 'alice' }, { login: 'bob' }, { login: 'carol' }],
      }),
    });
  });
  afterEach(() => sim.close());

  it('lists owners publicly', async () => {
    const result = await sim.call('GET', '/api/v1/crates/alpha-core/owners');
    expect(result.json).toMatchObject({
      users: [
        { login: 'alice', kind: 'user' },
        { login: 'bob', kind: 'user' },
      ],
    });
    expect((await sim.call('GET', '/api/v1/crates/none/owners')).status).toBe(404);
  });

  it('invites with change-owners, taking cargo’s "users" and the API’s "owners"', async () => {
    const auth = { token: token('AliceOwners') };
    const cargo = await sim.call('PUT', '/api/v1/crates/alpha-core/owners', {
      ...auth,
      json: { users: ['carol'] },
    });
    expect(cargo.json).toEqual({
      ok: true,
      msg: 'user carol has been invited to be an owner of crate alpha-core',
    });
    expect(sim.state.db.invitations).toHaveLength(1);
    const api = await sim.call('PUT', '/api/v1/crates/alpha-core/owners', {
      ...auth,
      json: { owners: ['bob'] },
    });
    expect(detailOf(api)).toBe('`bob` is already an owner');
  });

  it('removes owners but never the last one', async () => {
    const auth = { token: token('AliceLegacy') };
    const removed = await sim.call('DELETE', '/api/v1/crates/alpha-core/owners', {
      ...auth,
      json: { users: ['bob'] },
    });
    expect(removed.json).toEqual({ ok: true, msg: 'owners successfully removed' });
    const last = await sim.call('DELETE', '/api/v1/crates/alpha-core/owners', {
      ...auth,
      json: { users: ['alice'] },
    });
    expect(last.status).toBe(400);
  });

  it('refuses a token without change-owners', async () => {
    const result = await sim.call('PUT', '/api/v1/crates/alpha-core/owners', {
      token: token('AliceYank'),
      json: { users: ['carol'] },
    });
    expect(result.status).toBe(403);
    expect(detailOf(result)).toBe(AUTH_MESSAGES.missingPermissions);
  });

  it('refuses non-owners and unknown users', async () => {
    const carol = await sim.signIn('carol');
    const notOwner = await sim.call('PUT', '/api/v1/crates/alpha-core/owners', {
      cookie: carol,
      json: { users: ['carol'] },
    });
    expect(detailOf(notOwner)).toBe('only owners have permission to modify owners');
    const unknown = await sim.call('PUT', '/api/v1/crates/alpha-core/owners', {
      token: token('AliceLegacy'),
      json: { users: ['nobody'] },
    });
    expect(detailOf(unknown)).toBe('could not find user with login `nobody`');
  });
});
