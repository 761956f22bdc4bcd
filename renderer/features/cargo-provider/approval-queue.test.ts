import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../../shared/domain/cargo-provider';
import { expireApprovals, withApproval, withoutApproval } from './approval-queue';

function request(id: string, deadline: string): ApprovalRequest {
  return {
    id,
    registryName: 'crates-io',
    operation: 'publish',
    crate: 'quill',
    version: '1.0.0',
    tokenName: 'release',
    deadline,
  };
}

const A = request('a', '2026-01-01T10:01:00Z');
const B = request('b', '2026-01-01T10:02:00Z');

describe('the approval queue', () => {
  it('keeps arrival order and a request heard twice once', () => {
    expect(withApproval(withApproval(withApproval([], A), B), A)).toEqual([A, B]);
  });

  it('forgets an answered request', () => {
    expect(withoutApproval([A, B], 'a')).toEqual([B]);
    const queue = [A];
    expect(withoutApproval(queue, 'zzz')).toBe(queue);
  });

  it('expires requests whose deadline passed, and garbled deadlines', () => {
    const garbled = request('c', 'soon');
    const now = Date.parse('2026-01-01T10:01:30Z');
    expect(expireApprovals([A, B, garbled], now)).toEqual({ waiting: [B], expired: [A, garbled] });
    const queue = [B];
    expect(expireApprovals(queue, now).waiting).toBe(queue);
  });
});
