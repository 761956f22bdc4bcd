import type { SeedFile } from '../seeds/schema';

/** Plaintext of the `minimal` seed's only token (alice, legacy). */
export const MINIMAL_LEGACY_TOKEN = 'cioMINIMALaliceLegacy00000000000000';

/** A small seed with two users and a token of each kind the scope rules care about. */
export function scopesSeed(overrides: Partial<SeedFile> = {}): SeedFile {
  return {
    users: [
      { login: 'alice', email: 'alice@example.com' },
      { login: 'bob', email: 'bob@example.com' },
    ],
    crates: [
      { name: 'alpha-core', owners: ['alice'], versions: ['0.1.0', '0.2.0'] },
      { name: 'alpha_util', owners: ['alice'] },
      { name: 'bobs-crate', owners: ['bob'] },
    ],
    tokens: [
      { user: 'alice', name: 'legacy', token: token('AliceLegacy') },
      {
        user: 'alice',
        name: 'publish alpha',
        token: token('AlicePublishAlpha'),
        endpoint_scopes: ['publish-new', 'publish-update'],
        crate_scopes: ['alpha*'],
      },
      { user: 'alice', name: 'yank only', token: token('AliceYank'), endpoint_scopes: ['yank'] },
      {
        user: 'alice',
        name: 'legacy for one crate',
        token: token('AliceLegacyScoped'),
        crate_scopes: ['alpha-core'],
      },
      { user: 'alice', name: 'expired', token: token('AliceExpired'), expires_in_days: -1 },
      { user: 'alice', name: 'revoked', token: token('AliceRevoked'), revoked: true },
      { user: 'bob', name: 'bob legacy', token: token('BobLegacy') },
    ],
    ...overrides,
  };
}

/** A valid token plaintext from a readable label. */
export function token(label: string): string {
  return `cio${label.padEnd(32, '0')}`;
}
