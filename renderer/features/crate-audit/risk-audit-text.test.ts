import { describe, expect, it } from 'vitest';
import { RISK_FINDING_KINDS, type RiskFinding } from '../../../shared/domain/risk-audit';
import { checkedText, findingCountText, groupFindings } from './risk-audit-text';
import { riskNavDescription } from './risk-count-badge';
import { FINDINGS_PAGE, showMoreText } from './risk-group';

function finding(kind: RiskFinding['kind'], id: string): RiskFinding {
  return { id, kind, tokenKey: id, crateKey: null, title: id, detail: '', fixes: [] };
}

describe('groupFindings', () => {
  it('groups by kind, most serious kind first, keeping the audit’s order inside a group', () => {
    const groups = groupFindings([
      finding('never-used-30-days', 'n1'),
      finding('legacy-token', 'l1'),
      finding('never-expires', 'e1'),
      finding('legacy-token', 'l2'),
    ]);
    expect(
      groups.map((group) => [group.kind, group.severity, group.findings.map((f) => f.id)]),
    ).toEqual([
      ['legacy-token', 'high', ['l1', 'l2']],
      ['never-expires', 'medium', ['e1']],
      ['never-used-30-days', 'low', ['n1']],
    ]);
  });

  it('has a title and severity for every kind', () => {
    const groups = groupFindings(RISK_FINDING_KINDS.map((kind) => finding(kind, kind)));
    expect(groups).toHaveLength(RISK_FINDING_KINDS.length);
    for (const group of groups) expect(group.title).not.toBe('');
  });
});

describe('texts', () => {
  it('counts findings and names the badge in words', () => {
    expect(findingCountText(1)).toBe('1 finding');
    expect(findingCountText(7)).toBe('7 findings');
    expect(riskNavDescription(7)).toBe('7 risk findings');
    expect(riskNavDescription(1)).toBe('1 risk finding');
    expect(riskNavDescription(0)).toBeUndefined();
    expect(riskNavDescription(null)).toBeUndefined();
  });

  it('says what was checked, and what could not be', () => {
    expect(checkedText({ tokens: 1, crates: 2, importedTokens: 0, unreadCrates: [] })).toBe(
      'Checked 1 token and 2 crates for legacy tokens, publish scopes on `*` or on no pattern, ' +
        'tokens that can change owners, crates several tokens can publish, tokens that never expire, ' +
        'GitHub-hosted crates without trusted publishing, tokens unused for 90 days and tokens never ' +
        'used 30 days after they were made.',
    );
    expect(checkedText({ tokens: 9, crates: 25, importedTokens: 0, unreadCrates: [] }, false)).toBe(
      'Checked 9 tokens and 25 crates.',
    );
    const partial = checkedText({
      tokens: 3,
      crates: 2,
      importedTokens: 2,
      unreadCrates: ['quill', 'kelp'],
    });
    expect(partial).toContain(
      '2 imported tokens were not checked: only their registry knows their scopes and use.',
    );
    expect(partial).toContain(
      'Trusted publishing of quill and kelp could not be read, so it was not checked.',
    );
  });

  it('shows long groups a page at a time', () => {
    expect(showMoreText(3, 3)).toBeNull();
    expect(showMoreText(3, 12)).toBe('Show all 12');
    expect(showMoreText(3, 5000)).toBe(`Show ${String(FINDINGS_PAGE)} more (4997 not shown)`);
  });
});
