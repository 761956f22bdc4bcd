import { describe, expect, it } from 'vitest';
import {
  checkForm,
  emptyForm,
  firstBadPatternNumber,
  isNameTaken,
  patternProblems,
  shownPatternProblems,
} from './new-token-form';

const NOW = new Date('2026-03-10T12:00:00Z');
const ZONE = 'Europe/Berlin';

describe('checkForm', () => {
  it('gives exactly the create input for a valid form', () => {
    const check = checkForm(
      {
        accountId: 'a#1',
        name: '  CI: quill  ',
        endpointScopes: ['yank', 'publish-update'],
        cratePatterns: [' quill* ', 'serde'],
        expiry: { kind: 'days', days: 30 },
      },
      NOW,
      ZONE,
    );
    expect(check.valid).toBe(true);
    expect(check.input).toEqual({
      accountId: 'a#1',
      name: 'CI: quill',
      endpointScopes: ['publish-update', 'yank'],
      cratePatterns: ['quill*', 'serde'],
      expiresAt: '2026-04-09T11:00:00.000Z',
    });
  });

  it('sends null for no expiration and the end of the day for a custom date', () => {
    const base = { ...emptyForm('a#1'), name: 'x', endpointScopes: ['yank' as const] };
    expect(checkForm({ ...base, expiry: { kind: 'none' } }, NOW, ZONE).input?.expiresAt).toBeNull();
    expect(
      checkForm({ ...base, expiry: { kind: 'custom', date: '2026-06-01' } }, NOW, ZONE).input
        ?.expiresAt,
    ).toBe('2026-06-01T21:59:59.999Z');
  });

  it('blocks an empty form with a reason per field', () => {
    const check = checkForm(emptyForm(''), NOW, ZONE);
    expect(check.valid).toBe(false);
    expect(check.problems.account).toMatch(/account/);
    expect(check.problems.name).toBe('Give the token a name.');
    expect(check.problems.endpointScopes).toMatch(/at least one scope/);
  });

  it('blocks invalid patterns and custom dates that are missing or past', () => {
    const base = { ...emptyForm('a#1'), name: 'x', endpointScopes: ['yank' as const] };
    const bad = checkForm({ ...base, cratePatterns: ['quill', '1serde'] }, NOW, ZONE);
    expect(bad.valid).toBe(false);
    expect(bad.problems.cratePatterns.get(1)).toMatch(/start with an ASCII letter/);
    expect(checkForm({ ...base, expiry: { kind: 'custom', date: null } }, NOW, ZONE).valid).toBe(
      false,
    );
    const past = checkForm({ ...base, expiry: { kind: 'custom', date: '2026-03-09' } }, NOW, ZONE);
    expect(past.problems.expiry).toMatch(/past/);
  });
});

describe('patternProblems', () => {
  it('flags blank rows and repeats, not valid patterns', () => {
    const problems = patternProblems(['quill*', '', 'quill*', '*']);
    expect([...problems.keys()]).toEqual([1, 2]);
  });
});

describe('isNameTaken', () => {
  it('compares the trimmed name with the active names', () => {
    expect(isNameTaken(' CI: quill ', ['CI: quill'])).toBe(true);
    expect(isNameTaken('ci: quill', ['CI: quill'])).toBe(false);
    expect(isNameTaken('  ', [''])).toBe(false);
  });
});

describe('form feedback (issue 13)', () => {
  const problems = patternProblems(['quill', '', '9bad', '']);
  it('does not mark a just-added blank row before a create attempt covers it', () => {
    expect([...shownPatternProblems(problems, ['quill', '', '9bad', ''], 0).keys()]).toEqual([2]);
    expect([...shownPatternProblems(problems, ['quill', '', '9bad', ''], 3).keys()]).toEqual([
      1, 2,
    ]);
  });
  it('names the first typed pattern to fix, ignoring blank rows', () => {
    expect(firstBadPatternNumber(['quill', '', '9bad'])).toBe(3);
    expect(firstBadPatternNumber(['quill', ''])).toBeNull();
  });
});
