import { describe, expect, it } from 'vitest';
import type { CargoOperation } from '../../../shared/domain/cargo-provider';
import type { EndpointScope } from '../../../shared/domain/scopes';
import { chooseToken, type TokenCandidate, type TokenChoice } from './token-choice';

const NOW = new Date('2026-06-01T12:00:00Z');
const MINUTE = 60 * 1000;
const inMinutes = (minutes: number): string =>
  new Date(NOW.getTime() + minutes * MINUTE).toISOString();

function token(
  name: string,
  endpointScopes: readonly EndpointScope[] | null,
  cratePatterns: readonly string[] | null = null,
  extra: Partial<TokenCandidate> = {},
): TokenCandidate {
  return {
    key: `crates.io#1/${name}`,
    name,
    source: 'registry',
    endpointScopes,
    cratePatterns,
    expiresAt: null,
    revoked: false,
    ...extra,
  };
}

function choose(
  operation: CargoOperation,
  candidates: readonly TokenCandidate[],
  crate: string | null = 'quill',
  crateExists = true,
): TokenChoice {
  return chooseToken({ operation, crate, crateExists, candidates, now: NOW });
}

function chosenName(choice: TokenChoice): string | null {
  return choice.kind === 'chosen' ? choice.token.name : null;
}

const publishNew = token('publish-new', ['publish-new']);
const publishUpdate = token('publish-update', ['publish-update']);
const yank = token('yank', ['yank']);
const owners = token('owners', ['change-owners']);
const trusted = token('trusted', ['trusted-publishing']);
const everyScoped = [publishNew, publishUpdate, yank, owners, trusted];

describe('chooseToken: the scope each operation needs', () => {
  it.each([
    ['publish', false, 'publish-new'],
    ['publish', true, 'publish-update'],
    ['yank', true, 'yank'],
    ['unyank', true, 'yank'],
    ['owners', true, 'owners'],
    // Whether the crate exists matters for publish only.
    ['yank', false, 'yank'],
    ['owners', false, 'owners'],
  ] as const)('%s (crate exists: %s) gets the %s token', (operation, exists, expected) => {
    expect(chosenName(choose(operation, everyScoped, 'quill', exists))).toBe(expected);
  });

  it.each([
    ['publish', false, 'publish-new'],
    ['publish', true, 'publish-update'],
    ['yank', true, 'yank'],
    ['unyank', true, 'yank'],
    ['owners', true, 'change-owners'],
  ] as const)(
    '%s (exists: %s) without a fitting token names %s and the crate',
    (operation, exists, scope) => {
      const others = everyScoped.filter((candidate) => !candidate.endpointScopes?.includes(scope));
      const choice = choose(operation, others, 'quill', exists);
      expect(choice).toMatchObject({ kind: 'none', need: { scope, crate: 'quill' } });
    },
  );

  it('never uses a publish-new token to publish a new version, nor the reverse', () => {
    expect(choose('publish', [publishNew], 'quill', true).kind).toBe('none');
    expect(choose('publish', [publishUpdate], 'quill', false).kind).toBe('none');
  });
});

describe('chooseToken: crate patterns', () => {
  it.each([
    [['quill'], 'quill', true],
    [['quill'], 'quill-core', false],
    [['quill*'], 'quill-core', true],
    [['quill*'], 'quil', false],
    [['*'], 'anything', true],
    [null, 'anything', true],
    [[], 'anything', true],
    [['other', 'quill'], 'quill', true],
    // Literal and case-sensitive, as crates.io matches.
    [['Quill'], 'quill', false],
    [['quill_core'], 'quill-core', false],
  ] as const)('patterns %j for %s: fits %s', (patterns, crate, fits) => {
    const candidate = token('scoped', ['publish-update'], patterns);
    expect(choose('publish', [candidate], crate).kind).toBe(fits ? 'chosen' : 'none');
  });

  it('prefers an exact pattern over a prefix over * over any crate', () => {
    const exact = token('exact', ['yank'], ['quill']);
    const prefix = token('prefix', ['yank'], ['qu*']);
    const star = token('star', ['yank'], ['*']);
    const any = token('any', ['yank']);
    expect(chosenName(choose('yank', [any, star, prefix, exact]))).toBe('exact');
    expect(chosenName(choose('yank', [any, star, prefix]))).toBe('prefix');
    // `*` and no pattern are equally broad: fewer patterns, then the key, decide.
    expect(chosenName(choose('yank', [star, any]))).toBe('any');
  });

  it('judges a token with several patterns by the one that lets the crate in', () => {
    const mixed = token('mixed', ['yank'], ['*', 'quill']);
    const prefix = token('prefix', ['yank'], ['quill*']);
    expect(chosenName(choose('yank', [prefix, mixed]))).toBe('mixed');
  });
});

describe('chooseToken: the narrowest wins', () => {
  it('prefers fewer scopes over a narrower pattern', () => {
    const single = token('single', ['publish-update']);
    const wide = token('wide', ['publish-update', 'yank', 'publish-new'], ['quill']);
    expect(chosenName(choose('publish', [wide, single]))).toBe('single');
  });

  it('uses a legacy token only when no scoped token fits, whatever its patterns', () => {
    const legacy = token('legacy', null, ['quill']);
    const scoped = token('scoped', ['publish-update', 'publish-new', 'yank', 'change-owners']);
    expect(chosenName(choose('publish', [legacy, scoped]))).toBe('scoped');
    const onlyLegacy = choose('publish', [legacy, yank]);
    expect(chosenName(onlyLegacy)).toBe('legacy');
    expect(onlyLegacy.kind === 'chosen' && onlyLegacy.reason).toContain('legacy');
  });

  it('gives legacy tokens every operation, within their patterns', () => {
    const legacy = token('legacy', null);
    for (const operation of ['publish', 'yank', 'unyank', 'owners'] as const) {
      expect(chosenName(choose(operation, [legacy]))).toBe('legacy');
    }
    expect(choose('yank', [token('legacy', null, ['other'])]).kind).toBe('none');
  });

  it('breaks a tie by the later expiry, then by key, so the answer is stable', () => {
    const soon = token('soon', ['yank'], null, { expiresAt: inMinutes(120) });
    const later = token('later', ['yank'], null, { expiresAt: inMinutes(600) });
    const never = token('never', ['yank']);
    expect(chosenName(choose('yank', [soon, later]))).toBe('later');
    expect(chosenName(choose('yank', [soon, later, never]))).toBe('never');
    const a = token('a', ['yank']);
    const b = token('b', ['yank']);
    expect(chosenName(choose('yank', [b, a]))).toBe('a');
  });

  it('says in the reason which token, for what, and why', () => {
    const choice = choose('publish', [token('quill ci', ['publish-update'], ['quill'])]);
    expect(choice).toMatchObject({
      kind: 'chosen',
      reason:
        '"quill ci" for publish-update quill: it has publish-update, pattern quill; the narrowest of 1 fitting.',
    });
  });
});

describe('chooseToken: expiry and revocation', () => {
  it.each([
    [inMinutes(-5), false],
    [inMinutes(30), false],
    [inMinutes(60), false],
    [inMinutes(61), true],
    [null, true],
    ['not a date', false],
  ])('a token expiring at %s is usable: %s', (expiresAt, usable) => {
    const candidate = token('t', ['yank'], null, { expiresAt });
    expect(choose('yank', [candidate]).kind).toBe(usable ? 'chosen' : 'none');
    expect(choose('read', [candidate], null).kind).toBe(usable ? 'chosen' : 'none');
  });

  it('passes over an expiring narrow token for a broader one that lasts', () => {
    const narrowSoon = token('narrow', ['yank'], ['quill'], { expiresAt: inMinutes(20) });
    const broad = token('broad', ['yank', 'publish-update']);
    const choice = choose('yank', [narrowSoon, broad]);
    expect(chosenName(choice)).toBe('broad');
  });

  it('never hands out a revoked token, and says tokens were left out', () => {
    const choice = choose('yank', [token('gone', ['yank'], null, { revoked: true })]);
    expect(choice.kind).toBe('none');
    expect(choice.reason).toContain('1 held token was left out');
  });
});

describe('chooseToken: read', () => {
  it('gets the narrowest token held, whatever its scopes', () => {
    expect(chosenName(choose('read', everyScoped, null))).toBe('owners');
    const wide = token('wide', ['yank', 'publish-new']);
    const single = token('single', ['publish-new'], ['quill*']);
    const singleExact = token('exact', ['publish-new'], ['quill']);
    expect(chosenName(choose('read', [wide, single, singleExact], null))).toBe('exact');
    expect(chosenName(choose('read', [token('legacy', null), wide], null))).toBe('wide');
  });

  it('finds nothing when nothing is held, and needs no scope then', () => {
    expect(choose('read', [], null)).toMatchObject({
      kind: 'none',
      need: { scope: null, crate: null },
    });
  });
});

describe('chooseToken: imported tokens (rights unknown)', () => {
  const imported = token('imported', null, null, { source: 'imported', key: 'imported/1' });

  it('are handed out for read, after every registry token', () => {
    expect(chosenName(choose('read', [imported], null))).toBe('imported');
    expect(chosenName(choose('read', [imported, token('legacy', null)], null))).toBe('legacy');
  });

  it.each(['publish', 'yank', 'unyank', 'owners'] as const)(
    'are never handed out for %s',
    (operation) => {
      expect(choose(operation, [imported]).kind).toBe('none');
    },
  );
});
