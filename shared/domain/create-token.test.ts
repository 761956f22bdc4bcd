import { describe, expect, it } from 'vitest';
import {
  createTokenBody,
  createTokenInputSchema,
  createTokenResponseSchema,
  type NewTokenRequest,
} from './create-token';
import { expiryFromChoice, type ExpiryChoice } from './expiry-presets';
import { ENDPOINT_SCOPES } from './scopes';

const NOW = new Date('2026-01-31T09:15:00Z');

/** The builder's form as the renderer holds it, turned into the request it sends. */
function fromForm(form: {
  name: string;
  scopes: NewTokenRequest['endpointScopes'];
  patterns: string[];
  expiry: ExpiryChoice;
}): NewTokenRequest {
  return {
    name: form.name,
    endpointScopes: form.scopes,
    cratePatterns: form.patterns,
    expiresAt: expiryFromChoice(form.expiry, NOW, 'UTC')?.toISOString() ?? null,
  };
}

describe('createTokenBody: the form becomes exactly the body crates.io expects', () => {
  it.each<[string, Parameters<typeof fromForm>[0], string]>([
    [
      'no expiry, no patterns (any crate)',
      { name: 'laptop', scopes: ['publish-update'], patterns: [], expiry: { kind: 'none' } },
      '{"api_token":{"name":"laptop","endpoint_scopes":["publish-update"],"crate_scopes":null,"expired_at":null}}',
    ],
    [
      'a preset, one pattern',
      {
        name: 'ci',
        scopes: ['publish-update'],
        patterns: ['serde'],
        expiry: { kind: 'days', days: 30 },
      },
      '{"api_token":{"name":"ci","endpoint_scopes":["publish-update"],"crate_scopes":["serde"],"expired_at":"2026-03-02T09:15:00.000Z"}}',
    ],
    [
      'the default preset, several patterns in entry order',
      {
        name: 'release bot',
        scopes: ['yank', 'publish-new', 'publish-update'],
        patterns: ['serde*', 'alpha', 'beta-*'],
        expiry: { kind: 'days', days: 90 },
      },
      '{"api_token":{"name":"release bot","endpoint_scopes":["publish-new","publish-update","yank"],"crate_scopes":["serde*","alpha","beta-*"],"expired_at":"2026-05-01T09:15:00.000Z"}}',
    ],
    [
      'a custom date, the explicit wildcard',
      {
        name: 'owners',
        scopes: ['change-owners'],
        patterns: ['*'],
        expiry: { kind: 'custom', date: '2026-12-31' },
      },
      '{"api_token":{"name":"owners","endpoint_scopes":["change-owners"],"crate_scopes":["*"],"expired_at":"2026-12-31T23:59:59.999Z"}}',
    ],
    [
      'every scope, 365 days',
      {
        name: 'everything',
        scopes: ['trusted-publishing', 'yank', 'publish-update', 'publish-new', 'change-owners'],
        patterns: ['quill*'],
        expiry: { kind: 'days', days: 365 },
      },
      '{"api_token":{"name":"everything","endpoint_scopes":["change-owners","publish-new","publish-update","trusted-publishing","yank"],"crate_scopes":["quill*"],"expired_at":"2027-01-31T09:15:00.000Z"}}',
    ],
  ])('%s', (_label, form, expected) => {
    expect(JSON.stringify(createTokenBody(fromForm(form)))).toBe(expected);
  });

  it.each(ENDPOINT_SCOPES)('sends the %s scope alone', (scope) => {
    const body = createTokenBody({
      name: 'n',
      endpointScopes: [scope],
      cratePatterns: [],
      expiresAt: null,
    });
    expect(body.api_token.endpoint_scopes).toEqual([scope]);
  });

  it('trims the name and patterns, drops repeats, and writes the expiry in UTC', () => {
    const body = createTokenBody({
      name: '  deploy  ',
      endpointScopes: ['yank', 'yank'],
      cratePatterns: [' serde ', 'serde'],
      expiresAt: '2026-06-30T23:59:59.999+02:00',
    });
    expect(body).toEqual({
      api_token: {
        name: 'deploy',
        endpoint_scopes: ['yank'],
        crate_scopes: ['serde'],
        expired_at: '2026-06-30T21:59:59.999Z',
      },
    });
  });
});

describe('createTokenInputSchema: the server rules, before anything is sent', () => {
  const valid = {
    accountId: 'crates.io#1',
    name: 'ci',
    endpointScopes: ['publish-update'],
    cratePatterns: ['serde*'],
    expiresAt: '2026-05-01T09:15:00.000Z',
  };

  function problem(input: unknown): string | undefined {
    const result = createTokenInputSchema.safeParse(input);
    return result.success ? undefined : result.error.issues[0]?.message;
  }

  it('accepts a well-formed request and trims the name and patterns', () => {
    expect(
      createTokenInputSchema.parse({ ...valid, name: ' ci ', cratePatterns: [' serde* '] }),
    ).toMatchObject({ name: 'ci', cratePatterns: ['serde*'] });
    expect(createTokenInputSchema.safeParse({ ...valid, expiresAt: null }).success).toBe(true);
    expect(createTokenInputSchema.safeParse({ ...valid, cratePatterns: [] }).success).toBe(true);
  });

  it('refuses what the server would refuse, with a clear reason', () => {
    expect(problem({ ...valid, name: '   ' })).toBe('Give the token a name.');
    expect(problem({ ...valid, endpointScopes: [] })).toContain('legacy');
    expect(problem({ ...valid, endpointScopes: ['publish'] })).toBeDefined();
    expect(problem({ ...valid, cratePatterns: ['1serde'] })).toBe(
      'Pattern "1serde": A crate name must start with an ASCII letter.',
    );
    expect(problem({ ...valid, cratePatterns: ['ser*de'] })).toContain('`*`');
    expect(problem({ ...valid, cratePatterns: [''] })).toContain('crate name');
    expect(problem({ ...valid, expiresAt: 'next week' })).toBeDefined();
  });

  it('refuses duplicates, extra keys and a missing account', () => {
    expect(problem({ ...valid, endpointScopes: ['yank', 'yank'] })).toBe(
      'The scope "yank" is chosen twice.',
    );
    expect(problem({ ...valid, cratePatterns: ['serde', ' serde'] })).toBe(
      'The pattern "serde" is listed twice.',
    );
    expect(problem({ ...valid, secret: 'x' })).toBeDefined();
    expect(problem({ ...valid, accountId: '' })).toBeDefined();
  });
});

describe('createTokenResponseSchema', () => {
  it('reads the plaintext that comes back once', () => {
    const parsed = createTokenResponseSchema.parse({
      api_token: {
        id: 7,
        name: 'ci',
        created_at: '2026-01-31T09:15:00Z',
        last_used_at: null,
        expired_at: null,
        endpoint_scopes: ['yank'],
        crate_scopes: null,
        token: `cio${'a'.repeat(32)}`,
      },
    });
    expect(parsed.api_token.token).toHaveLength(35);
    expect(createTokenResponseSchema.safeParse({ api_token: { id: 7 } }).success).toBe(false);
  });
});
