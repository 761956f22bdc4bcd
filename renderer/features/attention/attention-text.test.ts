import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../../shared/domain/attention';
import { attentionTitle, bannerItemsOf } from './attention-text';

function item(reason: AttentionItem['reason'], name = 'CI: quill'): AttentionItem {
  return {
    key: reason === 'signed-out' ? 'account:a' : `a/${name}`,
    name,
    reason,
    threshold: reason === 'expiring' ? '7d' : null,
    expiresAt: null,
    message: `${name}: ${reason}`,
    canReplace: reason !== 'revoked-elsewhere',
  };
}

describe('attentionTitle', () => {
  it('counts expiring tokens alone', () => {
    expect(attentionTitle({ broken: 0, expiring: 1 })).toBe('1 token expires soon');
    expect(attentionTitle({ broken: 0, expiring: 2 })).toBe('2 tokens expire soon');
  });

  it('puts what is broken first, then what expires', () => {
    expect(attentionTitle({ broken: 1, expiring: 0 })).toBe('1 token needs action now');
    expect(attentionTitle({ broken: 2, expiring: 1 })).toBe(
      '2 tokens need action now, 1 more expires soon',
    );
  });
});

describe('bannerItemsOf', () => {
  it('leaves out signed-out accounts, which the page already shows', () => {
    expect(
      bannerItemsOf([item('signed-out'), item('expiring')]).map((entry) => entry.reason),
    ).toEqual(['expiring']);
  });
});
