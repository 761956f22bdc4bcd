import { describe, expect, it } from 'vitest';
import type { RiskFinding } from '../../../shared/domain/risk-audit';
import { crateFixture } from '../../../shared/test-support/crate-fixture';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';
import {
  fixAccessibleName,
  fixActionsOf,
  fixVisibleLabel,
  publishersOf,
  riskSubjectsOf,
} from './risk-fixes';

const QUILL = crateFixture('quill');
const CI = tokenFixture('ci-publish', { key: 'a/1', cratePatterns: ['quill'] });
const LAPTOP = tokenFixture('old laptop', { key: 'a/2', endpointScopes: null, status: 'legacy' });
const YANKER = tokenFixture('yank bot', { key: 'a/3', endpointScopes: ['yank'] });
const GONE = tokenFixture('gone', { key: 'a/4', status: 'expired' });
const SUBJECTS = riskSubjectsOf([CI, LAPTOP, YANKER, GONE], [QUILL]);

function finding(overrides: Partial<RiskFinding>): RiskFinding {
  return {
    id: 'x',
    kind: 'legacy-token',
    tokenKey: null,
    crateKey: null,
    title: 'title',
    detail: 'detail',
    fixes: [],
    ...overrides,
  };
}

describe('fixActionsOf', () => {
  it('acts on a token finding’s own token, in the audit’s order', () => {
    const legacy = finding({ tokenKey: LAPTOP.key, fixes: ['regenerate-narrower', 'revoke'] });
    const actions = fixActionsOf(legacy, SUBJECTS);
    expect(actions.map((action) => [action.kind, fixAccessibleName(action)])).toEqual([
      ['regenerate-narrower', 'Regenerate old laptop narrower'],
      ['revoke', 'Revoke old laptop'],
    ]);
    expect(actions.map((action) => fixVisibleLabel(action, legacy))).toEqual([
      'Regenerate old laptop narrower',
      'Revoke',
    ]);
  });

  it('offers Revoke for each token that can publish the crate of a "several publishers" finding', () => {
    const several = finding({ kind: 'several-publishers', crateKey: QUILL.key, fixes: ['revoke'] });
    const actions = fixActionsOf(several, SUBJECTS);
    // The yank bot cannot publish; the expired token is not live.
    expect(actions.map(fixAccessibleName)).toEqual(['Revoke ci-publish', 'Revoke old laptop']);
    expect(actions.map((action) => fixVisibleLabel(action, several))).toEqual([
      'Revoke ci-publish',
      'Revoke old laptop',
    ]);
  });

  it('names the crate for trusted publishing, and drops fixes whose target is gone or cannot take them', () => {
    const noTp = finding({
      kind: 'no-trusted-publishing',
      crateKey: QUILL.key,
      fixes: ['set-up-trusted-publishing'],
    });
    expect(fixActionsOf(noTp, SUBJECTS).map(fixAccessibleName)).toEqual([
      'Set up trusted publishing: quill',
    ]);
    expect(fixActionsOf(finding({ tokenKey: 'a/404', fixes: ['revoke'] }), SUBJECTS)).toEqual([]);
    // An expired token can be regenerated but not revoked, as in the token list.
    const expired = finding({ tokenKey: GONE.key, fixes: ['regenerate-narrower', 'revoke'] });
    expect(fixActionsOf(expired, SUBJECTS).map((action) => action.kind)).toEqual([
      'regenerate-narrower',
    ]);
  });
});

describe('publishersOf', () => {
  it('lists the live tokens with publish-update that reach the crate', () => {
    expect(publishersOf(QUILL, [CI, LAPTOP, YANKER, GONE]).map((token) => token.name)).toEqual([
      'ci-publish',
      'old laptop',
    ]);
  });
});
