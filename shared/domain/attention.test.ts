import { describe, expect, it } from 'vitest';
import {
  ATTENTION_ITEMS_SENT,
  attentionTokenKeys,
  summariseAttention,
  type Attention,
  type AttentionItem,
} from './attention';

function item(reason: AttentionItem['reason'], name: string): AttentionItem {
  return {
    key: reason === 'signed-out' ? `account:${name}` : `a/${name}`,
    name,
    reason,
    threshold: reason === 'expiring' ? '7d' : null,
    expiresAt: null,
    message: `'${name}' ${reason}`,
    canReplace: reason !== 'revoked-elsewhere',
  };
}

// What 5,000 tokens made on the same day look like two weeks before they expire.
const crowd: Attention = {
  state: 'alert',
  items: [
    item('expired', 'old'),
    item('signed-out', 'work'),
    ...Array.from({ length: 1_992 }, (_, index) => item('expiring', `ci-${String(index)}`)),
  ],
  refreshedAt: '2026-11-29T10:00:00.000Z',
};

describe('summariseAttention', () => {
  it('sends the window a few tokens and the counts, not every expiring token', () => {
    const summary = summariseAttention(crowd);
    const tokens = summary.items.filter((entry) => entry.reason !== 'signed-out');
    expect(tokens).toHaveLength(ATTENTION_ITEMS_SENT);
    expect(tokens[0]?.name).toBe('old');
    expect(summary.tokenCounts).toEqual({ broken: 1, expiring: 1_992 });
    expect(JSON.stringify(summary).length).toBeLessThan(5_000);
  });

  it('keeps every signed-out account and the state', () => {
    const summary = summariseAttention(crowd);
    expect(summary.items.filter((entry) => entry.reason === 'signed-out')).toHaveLength(1);
    expect(summary.state).toBe('alert');
    expect(summary.refreshedAt).toBe(crowd.refreshedAt);
  });
});

describe('attentionTokenKeys', () => {
  it('lists every token that needs action, worst first, without the accounts', () => {
    const keys = attentionTokenKeys(crowd);
    expect(keys).toHaveLength(1_993);
    expect(keys[0]).toBe('a/old');
    expect(keys).not.toContain('account:work');
  });
});
