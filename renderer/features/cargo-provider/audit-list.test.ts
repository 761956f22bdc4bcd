import { describe, expect, it } from 'vitest';
import type { ProviderAuditEntry } from '../../../shared/domain/cargo-provider';
import { mergeAudit } from './audit-list';

function entry(id: string): ProviderAuditEntry {
  return {
    id,
    at: '2026-01-01T10:00:00Z',
    registry: 'crates-io',
    operation: 'publish',
    crate: 'quill',
    version: '1.0.0',
    tokenKey: null,
    tokenName: null,
    outcome: 'refused',
    reason: 'No token may publish-update quill.',
  };
}

describe('mergeAudit', () => {
  it('puts entries heard live first, each once', () => {
    const ids = mergeAudit([entry('3'), entry('2')], [entry('2'), entry('1')]).map((e) => e.id);
    expect(ids).toEqual(['3', '2', '1']);
  });

  it('keeps at most the limit', () => {
    const listed = [entry('2'), entry('1')];
    expect(mergeAudit([entry('3')], listed, 2).map((e) => e.id)).toEqual(['3', '2']);
    expect(mergeAudit([], listed, 1).map((e) => e.id)).toEqual(['2']);
    expect(mergeAudit([], listed)).toBe(listed);
  });
});
