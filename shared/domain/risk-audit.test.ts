import { describe, expect, it } from 'vitest';
import { crateFixture, trustedCrateFixture } from '../test-support/crate-fixture';
import { tokenFixture } from '../test-support/domain-fixtures';
import { auditRisks, RISK_FINDING_KINDS, type RiskFinding } from './risk-audit';
import type { CrateView } from './crates';
import type { TokenView } from './token';

const NOW = new Date('2026-06-01T12:00:00Z');
const RECENTLY = '2026-05-30T12:00:00Z';
const IN_60_DAYS = '2026-07-31T12:00:00Z';

/** A token that raises nothing: scoped to one crate, expiring, used lately. */
function safe(name: string, overrides: Partial<TokenView> = {}): TokenView {
  return tokenFixture(name, {
    key: `a/${name}`,
    cratePatterns: ['quill'],
    expiresAt: IN_60_DAYS,
    status: 'active',
    lastUsedAt: RECENTLY,
    ...overrides,
  });
}

function audit(tokens: TokenView[], crates: CrateView[] = []): RiskFinding[] {
  return auditRisks({ tokens, crates, now: NOW });
}

function kinds(findings: RiskFinding[]): string[] {
  return findings.map((found) => found.id);
}

describe('auditRisks: tokens', () => {
  it('raises nothing for a narrow, expiring token in use', () => {
    expect(audit([safe('release')], [trustedCrateFixture('quill')])).toEqual([]);
  });

  it('flags a legacy token with its fixes, naming it', () => {
    const [found, ...rest] = audit([
      safe('ci-publish', { endpointScopes: null, status: 'legacy' }),
    ]);
    expect(rest).toEqual([]);
    expect(found).toEqual({
      id: 'legacy-token:a/ci-publish',
      kind: 'legacy-token',
      tokenKey: 'a/ci-publish',
      crateKey: null,
      title: '“ci-publish” is a legacy token: it can do everything on crates matching quill',
      detail: expect.stringContaining('scoped to its job') as unknown,
      fixes: ['regenerate-narrower', 'revoke'],
    });
    const anyCrate = audit([safe('old', { endpointScopes: null, cratePatterns: null })]);
    expect(anyCrate.map((f) => f.title)).toEqual([
      '“old” is a legacy token: it can do everything on every crate',
    ]);
  });

  it('flags publish scopes on `*` or on no pattern, but not narrower ones or other scopes', () => {
    const findings = audit([
      safe('star', { cratePatterns: ['quill', '*'] }),
      safe('none', { cratePatterns: null }),
      safe('empty', { cratePatterns: [], endpointScopes: ['publish-new'] }),
      safe('prefix', { cratePatterns: ['quill*'] }),
      safe('yank-all', { cratePatterns: null, endpointScopes: ['yank'] }),
    ]);
    expect(kinds(findings)).toEqual([
      'publish-any-crate:a/empty',
      'publish-any-crate:a/none',
      'publish-any-crate:a/star',
    ]);
    expect(findings.every((f) => f.fixes.join() === 'regenerate-narrower')).toBe(true);
    expect(findings.find((f) => f.tokenKey === 'a/star')?.detail).toContain('on `*`');
    expect(findings.find((f) => f.tokenKey === 'a/none')?.title).toBe(
      '“none” can publish any crate',
    );
  });

  it('flags change-owners tokens', () => {
    const findings = audit([safe('owners', { endpointScopes: ['change-owners', 'yank'] })]);
    expect(findings).toMatchObject([
      {
        id: 'change-owners:a/owners',
        title: '“owners” can change crate owners',
        fixes: ['regenerate-narrower', 'revoke'],
      },
    ]);
  });

  it('flags tokens that never expire', () => {
    expect(audit([safe('forever', { expiresAt: null, status: 'no-expiry' })])).toMatchObject([
      {
        id: 'never-expires:a/forever',
        title: '“forever” never expires',
        fixes: ['regenerate-narrower'],
      },
    ]);
  });

  it('flags tokens unused for over 90 days, and never used over 30 days after creation', () => {
    const findings = audit([
      safe('stale', { lastUsedAt: '2026-02-01T12:00:00Z' }),
      safe('used-90-days-ago', { lastUsedAt: '2026-03-03T12:00:00Z' }),
      safe('just-over-90-days', { lastUsedAt: '2026-03-03T11:59:00Z' }),
      safe('created-30-days-ago', { lastUsedAt: null, createdAt: '2026-05-02T12:00:00Z' }),
      safe('idle', { lastUsedAt: null, createdAt: '2026-04-01T12:00:00Z' }),
      safe('new', { lastUsedAt: null, createdAt: '2026-05-10T12:00:00Z' }),
    ]);
    expect(findings).toMatchObject([
      {
        id: 'unused-90-days:a/just-over-90-days',
        title: '“just-over-90-days” has not been used for 90 days',
      },
      {
        id: 'unused-90-days:a/stale',
        title: '“stale” has not been used for 120 days',
        fixes: ['revoke'],
      },
      { id: 'never-used-30-days:a/idle', title: '“idle” has never been used', fixes: ['revoke'] },
    ]);
    expect(findings[1]?.detail).toContain('2026-02-01');
    expect(findings[2]?.detail).toContain('61 days ago');
  });

  it('leaves out expired tokens, even those expired since the list was fetched', () => {
    const findings = audit([
      safe('expired', {
        endpointScopes: null,
        status: 'expired',
        expiresAt: '2026-05-01T00:00:00Z',
      }),
      safe('just-expired', {
        endpointScopes: null,
        status: 'expiring',
        expiresAt: '2026-06-01T11:00:00Z',
      }),
    ]);
    expect(findings).toEqual([]);
  });

  it('raises nothing about imported tokens: what they can do and when they were used is unknown', () => {
    const imported = tokenFixture('pasted', {
      key: 'imported/1',
      source: 'imported',
      accountId: null,
      tokenId: null,
      endpointScopes: null,
      cratePatterns: null,
      expiresAt: null,
      lastUsedAt: null,
      createdAt: '2025-01-01T00:00:00Z',
      status: 'legacy',
    });
    expect(audit([imported], [crateFixture('quill')])).toEqual([]);
  });
});

describe('auditRisks: crates', () => {
  it('flags several live tokens able to publish one crate, describing each', () => {
    const quill = trustedCrateFixture('quill');
    const findings = audit(
      [
        safe('release', { cratePatterns: ['quill*'] }),
        safe('exact'),
        safe('yank-only', { endpointScopes: ['yank'] }),
        safe('expired', { status: 'expired', expiresAt: '2026-01-01T00:00:00Z' }),
      ],
      [quill, trustedCrateFixture('tokio')],
    );
    expect(findings).toEqual([
      {
        id: 'several-publishers:crates-io/quill',
        kind: 'several-publishers',
        tokenKey: null,
        crateKey: 'crates-io/quill',
        title: '2 tokens can publish new versions of quill',
        detail:
          '“release” (quill*) and “exact” (quill) can each publish quill; every extra one is another way in, so keep the one your release uses and revoke the others.',
        fixes: ['revoke'],
      },
    ]);
  });

  it('counts any-crate and legacy tokens among the publishers', () => {
    const findings = audit(
      [
        safe('release'),
        safe('all', { cratePatterns: ['*'] }),
        safe('old', { endpointScopes: null, cratePatterns: null, status: 'legacy' }),
      ],
      [trustedCrateFixture('quill')],
    );
    const several = findings.find((f) => f.kind === 'several-publishers');
    expect(several?.title).toBe('3 tokens can publish new versions of quill');
    expect(several?.detail).toContain(
      '“release” (quill), “all” (any crate) and “old” (legacy token, every crate)',
    );
  });

  it('does not count publishers of a trusted-publishing-only crate: crates.io refuses them', () => {
    const locked = trustedCrateFixture('quill', {
      trustedPublishing: { githubConfigs: [], gitlabConfigs: [], trustpubOnly: true },
    });
    expect(audit([safe('a1'), safe('a2')], [locked])).toEqual([]);
  });

  it('flags GitHub-hosted crates without trusted publishing, not others or unknown ones', () => {
    const findings = audit(
      [],
      [
        crateFixture('quill', { repository: 'https://github.com/ferris/quill' }),
        trustedCrateFixture('quill_derive', { repository: 'https://github.com/ferris/quill' }),
        crateFixture('ferrous-log', { repository: 'https://gitlab.com/ferris/ferrous-log' }),
        crateFixture('no-repo'),
        crateFixture('unknown', {
          repository: 'https://github.com/ferris/unknown',
          trustedPublishing: null,
          trustedPublishingUnknown: 'crates.io could not be reached',
        }),
      ],
    );
    expect(findings).toEqual([
      {
        id: 'no-trusted-publishing:crates-io/quill',
        kind: 'no-trusted-publishing',
        tokenKey: null,
        crateKey: 'crates-io/quill',
        title: 'quill is on GitHub but not on trusted publishing',
        detail: expect.stringContaining('https://github.com/ferris/quill') as unknown,
        fixes: ['set-up-trusted-publishing'],
      },
    ]);
  });
});

describe('auditRisks: order', () => {
  it('lists the most serious first, and keeps ids stable across runs', () => {
    const tokens = [
      safe('stale', { lastUsedAt: '2025-01-01T00:00:00Z', expiresAt: null, status: 'no-expiry' }),
      safe('legacy', { endpointScopes: null, cratePatterns: null, status: 'legacy' }),
      safe('owners', { endpointScopes: ['change-owners'] }),
    ];
    const crates = [crateFixture('quill', { repository: 'https://github.com/ferris/quill' })];
    const findings = audit(tokens, crates);
    expect(findings.map((f) => f.kind)).toEqual([
      'legacy-token',
      'change-owners',
      'several-publishers',
      'never-expires',
      'no-trusted-publishing',
      'unused-90-days',
    ]);
    const order = findings.map((f) => RISK_FINDING_KINDS.indexOf(f.kind));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(kinds(audit([...tokens].reverse(), crates))).toEqual(kinds(findings));
  });
});
